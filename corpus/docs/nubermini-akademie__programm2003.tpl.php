<h2>Feueraustreten im Minenfeld &mdash; Entscheidungen in komplexen Umgebungen</h2>
<p>Komplexe Umgebungen zeichnen sich durch einen Mangel an strukturierten Daten, ein undurchdringliches Beziehungsdickicht, eine hohe Dynamik und durch eine niedrige Toleranzgrenze aus. Eine falsche Entscheidung kann sich als Todesstoß für den Erfolg oder gar Personen auswirken. Wie gehen Manager und Führer mit dieser Belastung um? Und wie organisieren die Berater ihre Zuarbeit so (listig), dass ihr Rat umgesetzt wird, die Entscheider (und die Betroffenen) überleben &mdash; und auch noch glücklich dabei sind?</p>

<p><strong>Jaroslav Blaha</strong>, born 1963 in the Czech Republic, is Managing Partner and Chief Technology Officer of COS-Systems GmbH, which is specialised in consultancy and support for multinational, high-volume, and complex projects. He was Chief Architect for NATO in Brussels and Senior Engineer for mission-critical systems at the NATO Programming Centre in Belgium. As an Officer he was Project Manager for communications and information systems at the NATO HQ in The Netherlands, and Chief Instructor at the German Air Force Technical Academy. He holds university degrees in computer science and economics. Special interests are project and crisis management, IT security, and the history of disasters of all kind.</p>

<h2>Entscheidungen und Entscheider im Management von Unternehmen</h2>
<p>Häufig sind Entscheidungen des Managements nur schwer nachvollziehbar und erscheinen den Mitarbeitern eventuell sogar als irrational. Das resultierende Gefühl, Spielball übergeordneter Autoritäten zu sein, führt in der Regel zur Unzufriedenheit der Mitarbeiter. Deshalb soll dieser Vortrag den Zuhörern einen Einblick vermitteln, wie Manager &bdquo;ticken&ldquo;. Der Vortrag soll es den Zuhörern ermöglichen, Entscheidungen in Unternehmen besser nachvollziehen und mit gestalten zu können.</p>

<p><strong>Stefan Charaus</strong>, Diplom-Kaufmann, Jahrgang 1972, studierte unter anderem BWL an der Georg-August-Universität Göttingen, der University of California und der Harvard University. Er hat internationale Berufserfahrung im Business Development (Unternehmensplanung und interne Managementberatung) in einer Geschäftseinheit der Siemens AG gesammelt. Derzeit ist er am Lehrstuhl für Industrielles Management und Unternehmensrechnung der Georg-August-Universität beschäftigt.</p>


<h2>Die Qual der Wahl: Arrow's Impossibility Theorem</h2>
<p>Eine demokratische Wahl ist ein bekanntes und geschätztes Entscheidungsverfahren. Offensichtlich gibt es aber nicht &sbquo;die&lsquo; demokratische Wahl, sondern eine große Zahl verschiedener Wahlverfahren, die alle den Anspruch haben, demokratisch zu sein. 1951 hat der Wirtschaftswissenschaftler und Mathematiker Kenneth Arrow bewiesen, dass es einige wenige &sbquo;vernünftige&lsquo; Kriterien gibt, die kein demokratisches Wahlverfahren erfüllen kann. Im Workshop zu Arrow's Impossibility Theorem wollen wir uns einige Wahlverfahren anschauen und ihre (Un-)Vereinbarkeit mit bestimmten einleuchtenden Kriterien prüfen.</p>

<p><strong>Martin Dresler</strong>, Jahrgang 1975, studiert Psychologie, Philosophie und Mathematik an der Ruhr-Universität Bochum. Schwerpunkte: Neuropsychologie und die Philosophie des 20. Jahrhunderts, insbesondere Sprachphilosophie, Grundlagen der Mathematik und der Logik und die Philosophie des Geistes. </p>


<h2>Experimente zur Spieltheorie</h2>
<p>In dem Experiment wer den die Teilnehmer an einigen Spielen teilnehmen, bei denen sie Geld verdienen können. Sie werden einfache Entscheidungen zu treffen haben. Die Bezahlung hängt vom Spielverlauf und von den eigenen Entscheidungen ab.</p>

<p><strong>Dr. Frank Heinemann</strong> studierte Volkswirtschaftslehre an den Universitäten Bielefeld, New York (NYU) und Bonn. Er promovierte sich in Mannheim und wurde in Frankfurt habilitiert, wo er zur Zeit die Professur für Wirtschaftstheorie vertritt. Ansonsten hat er eine Stelle als Oberassistent an der Ludwig-Maximilans-Universität in München, von der er für die Zeit der Lehrstuhlvertretung beurlaubt ist. In seinen Forschungsarbeiten beschäftigt er sich vor allem mit Rationalverhalten und spieltheoretischen Anwendungen im Bereich der Geld- und Währungstheorie. In diesem Zusammenhang führt er auch Experimente zum Entscheidungsverhalten durch.</p>


<h2>Data Mining bei der Quelle AG</h2>
<p>Customer Relationship Management nimmt im Versandhandel eine Schlüsselposition ein und betrifft diverse Unternehmensbereiche. Im Rahmen des Vortrags soll vorgestellt werden, wie das DWH in Kombination mit Data-Mining-Verfahren einen gezielten Einsatz von Werbemitteln beziehungsweise die Steuerung von Marketing-Maßnahmen ermöglicht.</p>

<p><strong>Christine Hofer</strong>, Jahrgang 1971, studierte an den Universitäten Bayreuth und Bordeaux Wirtschaftsmathematik (Diplom). Als fachliche Schwerpunkte wählte sie Operations Research, Datenbanken sowie Produktion &amp; Logistik. Zudem nahm sie an einer studienbegleitenden Fremdsprachenausbildung (Französisch, Portugiesisch) teil. Ihre Diplomarbeit fertigte sie zum Thema &bdquo;Wirtschaftsprüfung aus spieltheoretischer Sicht&ldquo; an. Nach dem Studienabschluss 2000 nahm sie 2001 an der CSC-Ploenzke-Akademie an einer Ausbildung zur OS390-Anwendungsentwicklerin teil. Seit Ende 2001 ist sie als wissenschaftliche Angestellte im Database Management der Quelle AG tätig.</p>

<h2>Spieltheorie-Vertiefung</h2>
<p>Es sollen grundlegende theoretische Kenntnisse der Spieltheorie vermittelt werden. Dabei wird insbesondere auf die Kategorisierung von Spielen, die Darstellungsformen und grundlegende Lösungskonzepte nicht-kooperativer Spiele eingegangen. Die vorgestellte Theorie wird dabei anhand von Beispielen aus der Wirtschaftsprüfung veranschaulicht.</p>

<p><strong>Christine Hofer</strong>, Jahrgang 1971, studierte an den Universitäten Bayreuth und Bordeaux Wirtschaftsmathematik (Diplom). Als fachliche Schwerpunkte wählte sie Operations Research, Datenbanken sowie Produktion &amp; Logistik. Zudem nahm sie an einer studienbegleitenden Fremdsprachenausbildung (Französisch, Portugiesisch) teil. Ihre Diplomarbeit fertigte sie zum Thema &bdquo;Wirtschaftsprüfung aus spieltheoretischer Sicht&ldquo; an. Nach dem Studienabschluss 2000 nahm sie 2001 an der CSC-Ploenzke-Akademie an einer Ausbildung zur OS390-Anwendungsentwicklerin teil. Seit Ende 2001 ist sie als wissenschaftliche Angestellte im Database Management der Quelle AG tätig.</p>

<h2>Sind wir Menschen schlechte Entscheider?</h2>
<p>Statistische Untersuchungen legen, dass wir Menschen besonders schlecht geeignet sind, intuitive Entscheidungen über eher quantitative Sachverhalte zu treffen. Typische psychologische Barrieren sind die Quellen systematischer Fehlentscheidungen. In diesem Vortrag werden wir einige dieser Entscheidungsfallen näher beleuchten. Wir werden versuchen, der Frage auf den Grund zu gehen, wann wir der eigenen Intuition misstrauen sollen, und welche Verzerrungen der Fakten unsere menschliche Natur zulässt. Ziel ist es, typische Entscheidungsfallen identifizieren zu können, sowie Voreingenommenheit und psychologische Barrieren bei sich und anderen zu erkennen und, soweit sinnvoll, zum eigenen Vorteil anwenden zu können.</p>

<p><strong>Oliver Golly</strong>, Diplom-Wirtschaftsingenieur, Fachrichtung Informatik und Operations, Gründer einer IT-Beratunsfirma. Seit 1999 arbeitet er als Unternehmensberater bei A.T. Kearney. Er ist spezialisiert auf IT-Strategie, IT-Organisation und IT-Controlling. Zur Zeit nimmt er an einem MBA-Programm bei INSEAD in Singapur und Frankreich teil, mit Schwerpunkt General Management und High-Technology Strategy. In seiner Freizeit praktiziert Oliver Turniertanzen
und ist Gründungsmitglied und Vorstand vom Jungen Schönstatt, einer christlichen Bewegung für junge Erwachsene. Oliver ist verheiratet und wohnt in Kelsterbach bei Frankfurt.</p>


<h2>Meta-Entscheidungen: Wie soll ich mich entscheiden?</h2>
<p>Viele Entscheidungen werden intuitiv getroffen. Oft fragt man sich im Nachhinein nicht nur, ob man sich hätte anders entscheiden sollen, sondern auch, ob man vielleicht hätte anders vorgehen sollen bei der Entscheidung. In diesem Workshop werden wir der Frage nachgehen, wie ein Entscheidungsprozess in der Praxis aussehen soll und uns auf die Suche nach optimalen Entscheidungsprozessen machen. Anhand von Fallstudien und simulierten Entscheidungssituationen werden wir verschiedene Ansätze diskutieren und die Elemente einer komplexen Entscheidung herausarbeiten. Ziel ist es zum einen, bei den Teilnehmern ein Bewusstsein für die eigenen persönlichen Entscheidungsprozesse zu schaffen, zum anderen Ideen für dessen Optimierung zu erarbeiten.</p>

<p><strong>Oliver Golly</strong>, Diplom-Wirtschaftsingenieur, Fachrichtung Informatik und Operations, Gründer einer IT-Beratunsfirma. Seit 1999 arbeitet er als Unternehmensberater bei A.T. Kearney. Er ist spezialisiert auf IT-Strategie, IT-Organisation und IT-Controlling. Zur Zeit nimmt er an einem MBA-Programm bei INSEAD in Singapur und Frankreich teil, mit Schwerpunkt General Management und High-Technology Strategy. In seiner Freizeit praktiziert Oliver Turniertanzen
und ist Gründungsmitglied und Vorstand vom Jungen Schönstatt, einer christlichen Bewegung für junge Erwachsene. Oliver ist verheiratet und wohnt in Kelsterbach bei Frankfurt.</p>


<h2>Menschliches Verhalten an Kapitalmärkten</h2>
<p>Die Vorstellung des rationalen Entscheiders an den Finanzmärkten erweist sich mehr und mehr als Wunschvorstellung. Zahlreiche theoretische und empirische Untersuchungen haben Rationalitätsfallen nachgewiesen, in die die menschlichen Entscheider bereitwillig tappen. Im Rahmen dieses Vortrags werden einige dieser Rationalitätsfallen dargestellt und den Zuhörern Wege aufgezeigt, wie sie diesen Fallen entgehen können.</p>

<p><strong>Susan Pulham</strong>, Dipl.-Math. Dipl.-Kff. Susan Pulham hat an der RWTH Aachen Mathematik und Betriebswirtschaftslehre studiert. Sie arbeitet am Lehr- und Forschungsgebiet Allgemeine Betriebswirtschaftslehre von Prof. Dr. Rüdiger von Nitzsch und ist für die Fächer Strategisches Management und Entscheidungslehre zuständig. Susan Pulham promoviert im Bereich der Behavioral Finance; Schwerpunkt list die Anwendung für die Investor Relations-Arbeit eines Unternehmens.</p>


<h2>Rollenspiele zur Entscheidungs-Findung in Gruppen</h2>
<p>Wer setzt sich durch, wenn die Mitglieder einer Gruppe stark abweichende Ziele und Interessen haben? In einigen kleinen Rollenspielen werden wir solche Situationen durchspielen und analysieren. Wir wollen über Strategien der Gesprächsführung diskutieren. Ist es sinnvoll, mit verdeckten Karten zu spielen?</p>

<p><strong>Axel Rutz</strong>, Jahrgang 1970, studierte in Freiburg Mathematik, Physik und VWL. Er war Geschäftsführer der SUSI GmbH im Bereich Energieplanung und gründete ein Kulturzentrum. Er ist in Jugendverbänden tätig und hat Seminare zu Konsens und Entscheidungsfindung geleitet. Für die Jugendstiftung Baden-Württemberg gibt er ein Onlinemagazin über ehrenamtliches Engagement heraus.</p>



<h2>Was kostet ein Kreuz? Wie sich Entscheidunsprozesse &bdquo;rechnen&ldquo;</h2>
<p>Um Entscheidungsprozesse gestalten und bewerten zu können, bedarf es eines umfassenden Bezugsrahmens. Aufbauend auf der Nutzentheorie und etwas Spieltheorie werden Begriffe und Zusammenhänge eingeführt und anhand von praktischen Beispielen erläutert.</p>

<p><strong>Axel Rutz</strong>, Jahrgang 1970, studierte in Freiburg Mathematik, Physik und VWL. Er war Geschäftsführer der SUSI GmbH im Bereich Energieplanung und gründete ein Kulturzentrum. Er ist in Jugendverbänden tätig und hat Seminare zu Konsens und Entscheidungsfindung geleitet. Für die Jugendstiftung Baden-Württemberg gibt er ein Onlinemagazin über ehrenamtliches Engagement heraus.</p>


<h2>Ist Konsens möglich?</h2>
<p>Dass bei einem Entscheidungsfindungsprozess verschiedene Meinungen zusammenkommen, gibt es in verschiedensten Gruppen und Situationen. Dafür existieren &mdash; grob gegliedert in ihrer Reinform &mdash; unterschiedliche Arten der Entscheidungsfindung: Diktatur, Mehrheitsentscheidung, Konsens. Welcher Form bedient man sich am besten in welchen Situationen? Ist Konsens nicht unrealistisch in größeren Gruppen? Wir meinen: nein. Im Workshop wollen wir einige praktische Techniken zur Konsensbildung vermitteln.</p>

<p><strong>Alexander Scivos</strong>, geboren 1972 bei Stuttgart. Ab 1993 studierte er in Freiburg (Deutschland) und Hamilton und
erzielte die Abschlüsse Bachelor of Science, Fachrichtung Biologie, und Diplom-Mathematik, Nebenfach Informatik. Nebenher arbeitete
er als Autor beim Ernst-Klett-Schulbuchverlag, als Tutor bei der mathematischen Fakultät und als Datenbank-Administrator bei der
Landesarchivdirektion Freiburg. Seit 2001 ist er fest angestellt als BI Solution Consultant (Berater für Warehouse-Konzepte)
bei der SAP
Deutschland AG &amp; Co. KG. Am Wochenende arbeitet er als Kursleiter für Improvisationstheater und im Softskill-Bereich
(Entscheidungsfindung, Projektmanagement, Moderation). 1993 gründete er GRIPS &amp; &bdquo;Gemeinschaft Rundum Interessierter Phantasievoller Studenten (und Schüler)&ldquo;,
seit 1999 GRIPS e. V. &mdash;, ein Netzwerk vorwiegend mathematisch-naturwissenschaftlich interessierter junger Menschen, und 2001 das MinD-Hochschul-Netzwerk.</p>



<h2>Warum kommt keine Entscheidung zustande?</h2>
<p>Warum können sich informelle Gruppen, zum Beispiel Freundeskreise, oft nicht klar entscheiden? Wie hängt die Entscheidung von den Einzel-Interessen und vom Menschentypus ab, der in einer Gruppe auftritt? Was können wir tun, um schneller eine Entscheidung herbeizuführen?</p>

<p><strong>Alexander Scivos</strong>, geboren 1972 bei Stuttgart. Ab 1993 studierte er in Freiburg (Deutschland) und Hamilton und
erzielte die Abschlüsse Bachelor of Science, Fachrichtung Biologie, und Diplom-Mathematik, Nebenfach Informatik. Nebenher arbeitete
er als Autor beim Ernst-Klett-Schulbuchverlag, als Tutor bei der mathematischen Fakultät und als Datenbank-Administrator bei der
Landesarchivdirektion Freiburg. Seit 2001 ist er fest angestellt als BI Solution Consultant (Berater für Warehouse-Konzepte)
bei der SAP
Deutschland AG &amp; Co. KG. Am Wochenende arbeitet er als Kursleiter für Improvisationstheater und im Softskill-Bereich
(Entscheidungsfindung, Projektmanagement, Moderation). 1993 gründete er GRIPS &amp; &bdquo;Gemeinschaft Rundum Interessierter Phantasievoller Studenten (und Schüler)&ldquo;,
seit 1999 GRIPS e. V. &mdash;, ein Netzwerk vorwiegend mathematisch-naturwissenschaftlich interessierter junger Menschen, und 2001 das MinD-Hochschul-Netzwerk.</p>


<h2>Spieltheorie in 75 Minuten</h2>
<p>Einführung in die Spieltheorie &mdash; oder warum Mörder doch schweigen: Der Vortrag gibt einen praxisorientierten Einblick in das spannende Forschungsfeld der Spieltheorie. Anhand von Beispielen wird aufgezeigt, wie die Spieltheorie erklärt, dass sich Menschen in Entscheidungssituationen auf eine bestimmte Art und Weise verhalten. Zu diesem Zweck werden grundlegende Konzepte der Spieltheorie in einfacher Form vorgestellt &mdash; wobei wir einen Bogen von der Preisgestaltung eines Unternehmens bis hin zur Entscheidung, ob ein Entführer sein Opfer umbringen soll, spannen werden.</p>

<p><strong>Holger Stein</strong>, geboren 1969. Nach dem Abitur Lehre als Bankkaufmann; außerdem war er mehrere Jahre lang als Rettungssanitäter tätig. Er hat Wirtschaftspädagogik am Fachbereich Wirtschaftswissenschaften der Johann-Wolfgang-Goethe-Universität studiert. Dort arbeitet er seit 1998 an der Professur für Volkswirtschaftslehre. Sein Spezialgebiet ist die Vermögensverteilung in Deutschland über dieses Thema hat er dissertiert.</p>



<h2>Der Mythos der Sachentscheidung </h2>
<p>Der Mythos der Sachentscheidung, oder: Warum wir uns alle gegenseitig hereinlegen. Der mittelalterliche Feudalismus und aktuelle Entwicklungen haben eine Reihe Parallelen: viele Menschen sind an Entscheidungsprozessen nicht mehr beteiligt, viele fliehen in virtuelle
Welten, es besteht eine geringe gegenseitige soziale Kontrolle.</p>

<p><strong>Dr. Christian Thielscher</strong>, Medizinstudium; vier Jahre ärztliche Tätigkeit, unter anderem an der Uniklinik Bonn. In dieser Zeit Studium der BWL und VWL. Anschließend fünf Jahre McKinsey-Berater. Seit 2000 selbständig, unter anderem erfolgreicher Gründer &mdash; E-Procurement. Europäischer Brettspiel-Mannschaftsmeister 1988. Verheiratet, zwei Kinder.</p>



<h2>Vom Bauch in den Kopf und zurück &mdash; Entscheidungsfindung im Management</h2>
<p>Bei Führungskräften besteht enormer Bedarf nach noch mehr Informationen, Marktstudien, Analysen, Plänen und Konzepten. Entscheidungen müssen
&bdquo;wasserfest&ldquo;, logisch und &bdquo;vernünftig&ldquo; sein. Oft sehen wir uns aber mit Situationen konfrontiert, in denen wir mit Verstand
und Logik zu anderen Ergebnissen kommen als unsere Intuition, unser &bdquo;Bauchgefühl&ldquo;, das aus unbewussten Erfahrungen und Erinnerungen resultiert.
Anhand von Beispielen aus der Praxis
wird erläutert, was passieren kann, wenn Bäuche anfangen zu denken und Köpfe zuviel &bdquo;in sich hineinfressen&ldquo; ... und wie man dennoch fundiert entscheidet.</p>

<p><strong>Dr. Martin Ulmer</strong>, Studium der Wirtschafts- und Staatswissenschaften an der Universität St.
Gallen. Promotion zum Thema &bdquo;Unternehmensberatung und Mitbestimmung&ldquo;. Ausbildung zum
&bdquo;Coach der Wirtschaft&ldquo; (IHK-zertifiziert). Langjährige Top-Management-Erfahrung, Mitglied diverser Aufsichtsgremien, Dozent an der Fachhochschule Fresenius, Idstein. Gründer/Partner der Competence Network AG/St. Gallen, Geschäftsführender Gesellschafter der CN GmbH/Wiesbaden, CorporateCoach.</p>



<h2>Wozu entscheiden? Begriffe der Freiheit und des Zwecks im Umfeld der Entscheidung</h2>
<p>Dieser Vortrag beschäftigt sich mit Fragen von Sinn und Freiheit von Entscheidungen. Dabei wird die Perspektive auf den Entscheider und sein Handeln fokusiert, anstatt auf den Nutzen und Wert einer Entscheidung. Begriffe wie Sinn, Schuld, Souveränität, Spontanität und Selbsterkenntnis sollen für darauffolgende Veranstaltungen als Denkreservoir zur Verfügung gestellt werden. Kann man die behandelten Begriffe für eine Nutzenbetrachtung ausklammern und anschließend über (menschliche) Entscheidungen sprechen? Es wird angedacht, was Fragen sind, mit denen es ernst ist &mdash; und mit denen sich entscheidet, wer wir sind.</p>

<p><strong>Timo Weil</strong>, geboren 1972 in Braunschweig. Studierte ab 1992 in Darmstadt Psychologie; Abschluß Diplom-Psychologe (2000). Parallel betreibt er seit 1997 ein Studium der Philosophie, seit 2000 als Zweitstudium Informatik. Hochschulpolitisch betätigte er sich in Konvent und StuPa der TU Darmstadt. Nebenher arbeitete er als Programmierer beim psychologischen Institut (Lehrstuhl für Pädagogische Psychologie). Seit 2001 arbeitet er als Programmierer bei Durth &amp; Roos Consulting GmbH. (Erstellung von Lösungen zu Straßennetzen und -diensten.)</p>


<h2>Entscheidungsfindung in Teams &mdash; ein Praxisworkshop</h2>
<p>Im Workshop geht es um Ideen und neue Konzepte zur effizienten Erzielung tragfähiger Teamentscheidungen. Wie wirken die angewendeten Entscheidungsfindungsprozesse auf die Teamdynamik und -performance? Ein praktischer Workshop zu und um Konzepte aus &bdquo;Software
for your Head&ldquo; von Jim und Michele McCarthy. In dem lesenswerten Buch geht es um die Beschreibung von Problemen und Lösungen oder Irrwegen bei der Teamzusammenarbeit.</p>

<p><strong>Bernd Worsch</strong>, Diplom-Mathematiker, Jahrgang 1974, studierte an der Universität Rostock mit
den Schwerpunkten mathematische Optimierung, Modellierung und Simulation. Nach der Konzeption und Entwicklung von Webapplikationen auf der Basis von Lotus Domino und Java in einem kleinen Team unter Anlehnung an Methodiken aus dem Extreme Programming ist er zur Zeit als Koordinator einer Entwicklungsabteilung für Software und Systementwicklung im Open Source Umfeld bei der pawisda GmbH Darmstadt tätig.</p>



