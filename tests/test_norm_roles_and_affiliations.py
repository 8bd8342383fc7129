"""The shared parsers: occupation nouns as roles, more placeholders, course and
tutorial labels before titles, and a red-team of role/affiliation splitting on speaker
lines written the ways faculty pages, Indico, programmes and emails write them."""

from __future__ import annotations

import pytest

from pipeline.normalise import agenda, people, text

# --- roles and affiliations -----------------------------------------------------------

ROLE_CASES: list[tuple[str, str, str | None, str | None]] = [
    # (line, name, role, affiliation)
    ("Mara Quist, Associate Professor of Electrical Engineering and Computer Science, MIT",
     "Mara Quist", "Associate Professor of Electrical Engineering and Computer Science", "MIT"),
    ("Dr. Tomas Reyes, Head of AI Research, Siemens Healthineers",
     "Tomas Reyes", "Head of AI Research", "Siemens Healthineers"),
    ("Anika Bose (Principal Scientist, Google Research)",
     "Anika Bose", "Principal Scientist", "Google Research"),
    ("Hilde Varga, Professor Emerita, Department of History, Yale University",
     "Hilde Varga", "Professor Emerita", "Department of History, Yale University"),
    ("Omar Haddad, Chief Data Officer at Acme Corp.", "Omar Haddad", "Chief Data Officer",
     "Acme Corp."),
    ("Lena Brandt — PhD student, Stanford", "Lena Brandt", "PhD student", "Stanford"),
    ("Yusuf Demir, NSF Postdoctoral Fellow, UC Berkeley", "Yusuf Demir",
     "NSF Postdoctoral Fellow", "UC Berkeley"),
    ("Carla Mendes, Director, Center for Brain Science, Harvard University", "Carla Mendes",
     "Director", "Center for Brain Science, Harvard University"),
    ("Ruth Okafor, MD, PhD, Massachusetts General Hospital", "Ruth Okafor", None,
     "Massachusetts General Hospital"),
    ("Pierre Lavigne (University of Oxford / DeepMind)", "Pierre Lavigne", None,
     "University of Oxford / DeepMind"),
    ("Sophie Marchal, Université Paris-Saclay & CNRS", "Sophie Marchal", None,
     "Université Paris-Saclay & CNRS"),
    ("Jonas Keller, Research Associate, Max Planck Institute for Intelligent Systems, Tübingen",
     "Jonas Keller", "Research Associate",
     "Max Planck Institute for Intelligent Systems, Tübingen"),
    ("Wei Zhang, Sr. Staff Engineer, NVIDIA", "Wei Zhang", "Sr. Staff Engineer", "NVIDIA"),
    ("Ines Ferreira, Visiting Scholar", "Ines Ferreira", "Visiting Scholar", None),
    ("Arjun Mehta, member of the Institute for Advanced Study", "Arjun Mehta", "member",
     "Institute for Advanced Study"),
    ("Noor Khalil (IAS & Princeton)", "Noor Khalil", None, "IAS & Princeton"),
    ("Beatriz Souza, 2024 Sloan Fellow, Caltech", "Beatriz Souza", "2024 Sloan Fellow",
     "Caltech"),
    ("Prof. Astrid Lindqvist, Glaciologist, Umeå University", "Astrid Lindqvist",
     "Glaciologist", "Umeå University"),
    ("Felix Wagner, Professor for Theoretical Physics, Heidelberg University", "Felix Wagner",
     "Professor for Theoretical Physics", "Heidelberg University"),
    ("Grace Osei, PhD, Senior Research Scientist, IBM Research", "Grace Osei",
     "Senior Research Scientist", "IBM Research"),
    ("Helen Ashby, FRS, Regius Professor of Mathematics, University of Oxford", "Helen Ashby",
     "Regius Professor of Mathematics", "University of Oxford"),
    ("Walter Grimes, Jr., Professor of Law, Columbia Law School", "Walter Grimes Jr.",
     "Professor of Law", "Columbia Law School"),
    ("Priya Nair, Lecturer in Statistics, University College London", "Priya Nair",
     "Lecturer in Statistics", "University College London"),
    ("Kenji Watanabe, Software Engineer, Stripe", "Kenji Watanabe", "Software Engineer",
     "Stripe"),
    ("Dalia Saleh, Economist, Federal Reserve Bank of New York", "Dalia Saleh", "Economist",
     "Federal Reserve Bank of New York"),
    ("Martin Hale, Historian, Smithsonian Institution", "Martin Hale", "Historian",
     "Smithsonian Institution"),
    ("Leo Marsh, Designer, IDEO", "Leo Marsh", "Designer", "IDEO"),
    ("Nadia Petrova, Curator, American Museum of Natural History", "Nadia Petrova", "Curator",
     "American Museum of Natural History"),
    ("Sam Ortiz, Journalist, The New York Times", "Sam Ortiz", "Journalist",
     "The New York Times"),
    ("Irene Costa, Epidemiologist, CDC", "Irene Costa", "Epidemiologist", "CDC"),
    ("Ola Nilsen, Oceanographer, Woods Hole Oceanographic Institution", "Ola Nilsen",
     "Oceanographer", "Woods Hole Oceanographic Institution"),
    ("Vera Lund, Physician-Scientist, Boston Children's Hospital", "Vera Lund",
     "Physician-Scientist", "Boston Children's Hospital"),
    ("Tariq Aziz, Graduate Student, Department of Physics, Princeton University", "Tariq Aziz",
     "Graduate Student", "Department of Physics, Princeton University"),
    ("Mei Lin, Ph.D. Candidate, Computer Science, Cornell University", "Mei Lin",
     "Ph.D. Candidate", "Computer Science, Cornell University"),
    ("Rosa Blanco, Professor and Chair, Department of Statistics, Rice University",
     "Rosa Blanco", "Professor and Chair", "Department of Statistics, Rice University"),
    ("Ivan Petrov, Founder and CEO, Acme AI", "Ivan Petrov", "Founder and CEO", "Acme AI"),
    ("Zara Ahmed, Co-founder & CTO of Acme Robotics", "Zara Ahmed", "Co-founder & CTO",
     "Acme Robotics"),
    ("Hugo Blanc, VP of Engineering, Acme Inc.", "Hugo Blanc", "VP of Engineering",
     "Acme Inc."),
    ("Elena Rossi, Principal Investigator, Broad Institute of MIT and Harvard", "Elena Rossi",
     "Principal Investigator", "Broad Institute of MIT and Harvard"),
    ("Claire Dubois, Maître de conférences, Sorbonne Université", "Claire Dubois",
     "Maître de conférences", "Sorbonne Université"),
    ("Anna Weber, Wissenschaftliche Mitarbeiterin, TU Berlin", "Anna Weber",
     "Wissenschaftliche Mitarbeiterin", "TU Berlin"),
    ("Ravi Kumar, Research Scientist at Google DeepMind", "Ravi Kumar", "Research Scientist",
     "Google DeepMind"),
    ("Lucy Park, Professor Emeritus of Physics, Stanford University", "Lucy Park",
     "Professor Emeritus of Physics", "Stanford University"),
    ("Omid Rahimi, Associate Professor, Dept. of Computer Science, Univ. of Maryland",
     "Omid Rahimi", "Associate Professor", "Dept. of Computer Science, Univ. of Maryland"),
    ("Ana Lopes, MD, MPH, Chief Medical Officer, Kaiser Permanente", "Ana Lopes",
     "Chief Medical Officer", "Kaiser Permanente"),
    ("Ben Adler (PhD Candidate, MIT)", "Ben Adler", "PhD Candidate", "MIT"),
    ("Chloe Martin (Postdoc at Caltech)", "Chloe Martin", "Postdoc", "Caltech"),
    ("Diego Vargas (Stanford University, Professor of Biology)", "Diego Vargas",
     "Professor of Biology", "Stanford University"),
    ("Sven Olsen, Kavli Institute for Theoretical Physics, UC Santa Barbara", "Sven Olsen",
     None, "Kavli Institute for Theoretical Physics, UC Santa Barbara"),
    ("Eva Novak, Director of Research, Inria Paris", "Eva Novak", "Director of Research",
     "Inria Paris"),
    ("Paul Girard, Director of the Santa Fe Institute", "Paul Girard", "Director",
     "Santa Fe Institute"),
    ("Lea Horn, Member of Technical Staff, Anthropic", "Lea Horn",
     "Member of Technical Staff", "Anthropic"),
    ("Maja Berg, Dean of the Faculty of Science, University of Copenhagen", "Maja Berg",
     "Dean", "Faculty of Science, University of Copenhagen"),
    ("Tom Reid, Sloan Research Fellow and Assistant Professor, Yale", "Tom Reid",
     "Sloan Research Fellow and Assistant Professor", "Yale"),
    ("Amy Cho, Master's Student, KTH", "Amy Cho", "Master's Student", "KTH"),
    ("Nick Hart, Professor at the University of Chicago", "Nick Hart", "Professor",
     "University of Chicago"),
    ("Iris Falk, Head of Department, Department of Mathematics, University of Leeds",
     "Iris Falk", "Head of Department", "Department of Mathematics, University of Leeds"),
    ("Jun Ito, Senior Scientist and Group Leader, EMBL", "Jun Ito",
     "Senior Scientist and Group Leader", "EMBL"),
    ("Kate Moss, Canada Research Chair in Quantum Materials, University of Waterloo",
     "Kate Moss", "Canada Research Chair in Quantum Materials", "University of Waterloo"),
    ("Bea Kohl, JD, Partner, Wilson Sonsini", "Bea Kohl", "Partner", "Wilson Sonsini"),
    ("Ada Frost, RN, Nurse Practitioner, Mayo Clinic", "Ada Frost", "Nurse Practitioner",
     "Mayo Clinic"),
    ("Dr Ian Cole MBChB PhD, Consultant Neurologist, Addenbrooke's Hospital", "Ian Cole",
     "Consultant Neurologist", "Addenbrooke's Hospital"),
    ("Lars Ek FRS, University of Cambridge", "Lars Ek", None, "University of Cambridge"),
    ("Ruth Cole, Chair of the Department of Statistics, Columbia University", "Ruth Cole",
     "Chair", "Department of Statistics, Columbia University"),
    ("Omar Said, Professor in the Department of Physics, University of Toronto", "Omar Said",
     "Professor", "Department of Physics, University of Toronto"),
    ("Gil Amit, Fellow of the Royal Society", "Gil Amit", "Fellow of the Royal Society", None),
    ("Sara Holm, Director of Graduate Studies, Yale", "Sara Holm",
     "Director of Graduate Studies", "Yale"),
    ("Kofi Mensah, Stanford University, Assistant Professor", "Kofi Mensah",
     "Assistant Professor", "Stanford University"),
    ("Lin Qiu, M.D., Ph.D., Associate Professor of Neurology, Johns Hopkins", "Lin Qiu",
     "Associate Professor of Neurology", "Johns Hopkins"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "name", "role", "affiliation"), ROLE_CASES)
def test_role_and_affiliation_split(
    line: str, name: str, role: str | None, affiliation: str | None
) -> None:
    sps = people.parse_speakers(line)
    assert [(s.name, s.role, s.affiliation) for s in sps] == [(name, role, affiliation)]


def test_red_team_has_sixty_lines() -> None:
    assert len(ROLE_CASES) >= 60


def test_two_speakers_each_with_role() -> None:
    sps = people.parse_speakers("Mia Torres, Professor, MIT; Karl Lind, Lecturer, Oxford")
    assert [(s.name, s.role, s.affiliation) for s in sps] == [
        ("Mia Torres", "Professor", "MIT"),
        ("Karl Lind", "Lecturer", "Oxford"),
    ]


@pytest.mark.parametrize(
    "segment", ["Glen Designer", "Ann Curator", "Elin Nordqvist", "Rachel Historian"]
)
def test_occupation_surname_after_given_name_is_no_role(segment: str) -> None:
    """Occupation nouns are surnames too: after a name-like word they are no role head."""
    assert people._role_split(segment) is None


@pytest.mark.parametrize(
    "segment",
    ["Glaciologist", "Senior Designer", "Museum Curator", "Data Journalist", "Statistician"],
)
def test_occupation_nouns_are_roles(segment: str) -> None:
    assert people._role_split(segment) == (segment, None)


@pytest.mark.parametrize("degree", ["MPH", "J.D.", "MBChB", "DSc", "FRSE", "Esq."])
def test_degrees_dropped_not_roles(degree: str) -> None:
    sps = people.parse_speakers(f"Ola Brekke, {degree}, University of Bergen")
    assert [(s.name, s.role, s.affiliation) for s in sps] == [
        ("Ola Brekke", None, "University of Bergen")
    ]


def test_subject_complements_stay_in_role() -> None:
    for role in ("Professor of Physics", "Head of School", "VP of Engineering",
                 "Lecturer in Applied Mathematics", "Professor of the Practice"):
        assert people._role_split(role) == (role, None)


# --- placeholders ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["Abstract not available", "No abstract", "Abstract: TBA", "Title to be announced",
     "To be confirmed", "No abstract available.", "Abstract: not yet available",
     "Abstract unavailable", "No title"],
)
def test_placeholders(value: str) -> None:
    assert text.is_placeholder(value)


@pytest.mark.parametrize(
    "value", ["No free lunch theorems", "Missing data imputation", "Not all who wander"]
)
def test_real_titles_are_not_placeholders(value: str) -> None:
    assert not text.is_placeholder(value)


# --- course and tutorial labels -------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "clean", "kind"),
    [
        ("Minicourse: Optimal transport in one dimension", "Optimal transport in one dimension",
         "lecture"),
        ("Mini-course: Random walks", "Random walks", "lecture"),
        ("Mini course: Random walks", "Random walks", "lecture"),
        ("Tutorial: JAX for physicists", "JAX for physicists", "tutorial"),
        ("Keynote: Where sensing meets learning", "Where sensing meets learning", "talk"),
        ("Invited tutorial: Kernel methods", "Kernel methods", "tutorial"),
    ],
)
def test_course_labels_set_kind(title: str, clean: str, kind: str) -> None:
    label, _ = text.split_event_label(title)
    assert text.clean_title(title) == clean
    assert agenda.classify_kind(clean, label) == kind


def test_tutorial_word_inside_title_is_kept() -> None:
    assert text.clean_title("A tutorial on kernel methods") == "A tutorial on kernel methods"
