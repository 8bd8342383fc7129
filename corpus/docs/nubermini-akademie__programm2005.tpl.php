<p>Folgende Tabelle gibt einen groben Überblick über die geplanten Programmpunkte der MIND AKADEMIE 2005.
    Aus Gründen der Übersichtlichkeit wurden viele Programmpunkte weggelassen und die Zeiten etwas gerundet. </p>

<table>
    <tr>
        <th rowspan="3" valign="top">Freitag, 30.09.</th>
        <td>15:00 - 17:00</td>
        <td>Besichtigung der Merck KGaA (Achtung: begrenzte Teilnehmerzahl!),
            parallel dazu eventuell Stadtführung durch Darmstadt
        </td>
    </tr>
    <tr>
        <td>18:00 - 19:00</td>
        <td>Vorstellung von MHN</td>
    </tr>
    <tr>
        <td>19:30 - 22:00</td>
        <td>Organisatorisches, Impulsvorträge zur Themen-Einstimmung</td>
    </tr>
    <tr>
        <th rowspan="5" valign="top">Samstag, 01.10.</th>
        <td>09:30 - 11:00</td>
        <td>Plenumsvortrag: "Die Manipulierbarkeit der Intellektuellen" (Albrecht Müller)</td>
    </tr>
    <tr>
        <td>11:00 - 16:00</td>
        <td>Parallelvorträge (insgesamt 15 Beiträge)</td>
    </tr>
    <tr>
        <td>16:30 - 18:00</td>
        <td>MHN-Vollversammlung</td>
    </tr>
    <tr>
        <td>20:00 - 21:00</td>
        <td>Gitarrenkonzert Stephan Meyer; mehr Informationen unter <a
                    href="http://wirtschaftsgitarrist.com/">wirtschaftsgitarrist.com</a></td>
    </tr>
    <tr>
        <td>23:00 - 24:00</td>
        <td>Mitternachtsschnupperkurs in Esperanto</td>
    </tr>
    <tr>
        <th rowspan="4" valign="top">Sonntag, 02.10.</th>
        <td>09:30 - 11:00</td>
        <td>Plenumsvortrag: "Kommunikation unter Eliten" (Prof. Dr. Michael Hartmann)</td>
    </tr>
    <tr>
        <td>11:00 - 17:30</td>
        <td>Parallelvorträge (insgesamt 20 Beiträge)</td>
    </tr>
    <tr>
        <td>20:00 - 22:30</td>
        <td>Kulturevent</td>
    </tr>
    <tr>
        <td>23:00 - 24:00</td>
        <td>Mitternachtsschnupperkurs in Esperanto</td>
    </tr>
    <tr>
        <th rowspan="5" valign="top">Montag, 03.10.</th>
        <td>09:30 - 11:00</td>
        <td>Plenumsvortrag: "Gebärdensprache" (Prof. Dr. Helen Leuninger)</td>
    </tr>
    <tr>
        <td>11:00 - 12:00</td>
        <td>Parallelvorträge (insgesamt 5 Beiträge)</td>
    </tr>
    <tr>
        <td>12:00 - 12:30</td>
        <td>Abschlussplenum</td>
    </tr>
    <tr>
        <td>13:00 - 14:00</td>
        <td>Abschlussessen in der Jugendherberge</td>
    </tr>
    <tr>
        <td>anschließend</td>
        <td>Bei Interesse Schwimmen im Nordbad (etwa 3 km von der JH
            entfernt). Das ursprünglich vorgesehene Zentralbad (am Merckplatz in direkter
            JH-Nähe) hat leider wegen Renovierungsarbeiten geschlossen.
        </td>
    </tr>
</table>