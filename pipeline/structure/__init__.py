"""Document structure shared by every format's reader.

Readers turn bytes into records (an event's SUMMARY, a list item, a block of lines);
this package decides, over all records of one document together, how they are written:
``templates`` picks the one template that splits every record into title, people and
date, so that a record is read by the evidence of its siblings, not alone.
"""
