<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <source>Lifeboat</source>
        <translation>Lifeboat</translation>
    </message>
    <message>
        <source>Backup profiles</source>
        <translation>Sicherungsprofile</translation>
    </message>
    <message>
        <source>Each profile with its server, databases, last backup, outcome and encryption. Select one to see its backups and history.</source>
        <translation>Jedes Profil mit Server, Datenbanken, letzter Sicherung, Ergebnis und Verschlüsselung. Wählen Sie eines, um seine Sicherungen und seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Sicherungen</translation>
    </message>
    <message>
        <source>Backups of the selected profile</source>
        <translation>Sicherungen des gewählten Profils</translation>
    </message>
    <message>
        <source>Newest first: id, time, database, size, SHA-256 and whether the backup has been verified by a restore.</source>
        <translation>Neueste zuerst: ID, Zeit, Datenbank, Größe, SHA-256 und ob die Sicherung durch eine Wiederherstellung geprüft wurde.</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Run history of the selected profile</source>
        <translation>Verlauf der Läufe des gewählten Profils</translation>
    </message>
    <message>
        <source>Newest first: when each run started, its kind, outcome, databases, duration and message.</source>
        <translation>Neueste zuerst: Start, Art, Ergebnis, Datenbanken, Dauer und Meldung jedes Laufs.</translation>
    </message>
    <message>
        <source>Reading the catalog…</source>
        <translation>Katalog wird gelesen …</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>&amp;Aufträge</translation>
    </message>
    <message>
        <source>Stop the selected job; nothing it was writing is kept as a backup</source>
        <translation>Den gewählten Auftrag anhalten; nichts, was er gerade schrieb, bleibt als Sicherung erhalten</translation>
    </message>
    <message>
        <source>Cancel the selected job</source>
        <translation>Den gewählten Auftrag abbrechen</translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation>Auftrag a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Jobs started in this window: profile, kind, state, phase, progress and time left.</source>
        <translation>In diesem Fenster gestartete Aufträge: Profil, Art, Zustand, Phase, Fortschritt und Restzeit.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Jetzt sichern</translation>
    </message>
    <message>
        <source>Back up the selected profile&apos;s databases now</source>
        <translation>Die Datenbanken des gewählten Profils jetzt sichern</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the catalog again (it is also read every few seconds)</source>
        <translation>Den Katalog neu lesen (das geschieht auch alle paar Sekunden)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>P&amp;rofiles</source>
        <translation>P&amp;rofile</translation>
    </message>
</context>
<context>
    <name>lifeboat::BackupTableModel</name>
    <message>
        <source>verified %1</source>
        <translation>geprüft %1</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <translation>%1 (UTC %2)</translation>
    </message>
    <message>
        <source>%1 stored (%2 bytes); the dump was %3 before compression</source>
        <translation>%1 gespeichert (%2 Bytes); der Dump war vor der Kompression %3 groß</translation>
    </message>
    <message>
        <source>SHA-256 of the stored file: %1</source>
        <translation>SHA-256 der gespeicherten Datei: %1</translation>
    </message>
    <message>
        <source>Restored and checked on %1 (restore took %2).</source>
        <translation>Am %1 wiederhergestellt und geprüft (die Wiederherstellung dauerte %2).</translation>
    </message>
    <message>
        <source>The last verification of this backup failed: see History.</source>
        <translation>Die letzte Prüfung dieser Sicherung ist fehlgeschlagen: siehe Verlauf.</translation>
    </message>
    <message>
        <source>This backup has not been restored yet, so it is not yet proven to work.</source>
        <translation>Diese Sicherung wurde noch nicht wiederhergestellt; dass sie funktioniert, ist also noch nicht bewiesen.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation>BESCHÄDIGT</translation>
    </message>
    <message>
        <source>integrity ok %1</source>
        <translation>Integrität ok %1</translation>
    </message>
    <message>
        <source>The integrity check on %1 found this backup damaged, so it will not restore: %2</source>
        <translation>Die Integritätsprüfung vom %1 hat diese Sicherung als beschädigt erkannt; sie lässt sich nicht wiederherstellen: %2</translation>
    </message>
    <message>
        <source>Read in full and found intact on %1 (SHA-256, decryption, zstd checksums, archive, row counts), but not restored yet: a test restore proves it works.</source>
        <translation>Am %1 vollständig gelesen und intakt befunden (SHA-256, Entschlüsselung, zstd-Prüfsummen, Archiv, Zeilenzahlen), aber noch nicht wiederhergestellt: erst eine Testwiederherstellung beweist, dass sie funktioniert.</translation>
    </message>
</context>
<context>
    <name>lifeboat::DashboardCard</name>
    <message>
        <source>Export recovery &amp;kit…</source>
        <translation>&amp;Wiederherstellungspaket exportieren…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>needs a look</source>
        <translation>braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Last backup: none yet (last attempt %1: %2)</source>
        <translation>Letzte Sicherung: noch keine (letzter Versuch %1: %2)</translation>
    </message>
    <message>
        <source>Last backup: none yet</source>
        <translation>Letzte Sicherung: noch keine</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>Last backup: %1 · %2 · latest run %3</source>
        <translation>Letzte Sicherung: %1 · %2 · letzter Lauf %3</translation>
    </message>
    <message>
        <source>Last verified: never</source>
        <translation>Zuletzt geprüft: nie</translation>
    </message>
    <message>
        <source>Last verified: %1 · FAILED</source>
        <translation>Zuletzt geprüft: %1 · FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source> · restore took %1</source>
        <translation> · Wiederherstellung dauerte %1</translation>
    </message>
    <message>
        <source>Last verified: %1%2</source>
        <translation>Zuletzt geprüft: %1%2</translation>
    </message>
    <message>
        <source>Next run: none — the schedule is not valid: %1</source>
        <translation>Nächster Lauf: keiner — der Zeitplan ist ungültig: %1</translation>
    </message>
    <message>
        <source>Next run: manual only (no schedule)</source>
        <translation>Nächster Lauf: nur manuell (kein Zeitplan)</translation>
    </message>
    <message>
        <source>Next run: paused (%1)</source>
        <translation>Nächster Lauf: pausiert (%1)</translation>
    </message>
    <message>
        <source>Next run: %1 (%2)</source>
        <translation>Nächster Lauf: %1 (%2)</translation>
    </message>
    <message>
        <source>The age key of %1 exists only in this computer&apos;s keychain. If this computer is lost, its backups cannot be decrypted: export a recovery kit and keep it somewhere safe.</source>
        <translation>Der age-Schlüssel von %1 liegt nur im Schlüsselbund dieses Computers. Geht dieser Computer verloren, lassen sich die Sicherungen nicht mehr entschlüsseln: Exportieren Sie ein Wiederherstellungspaket und bewahren Sie es sicher auf.</translation>
    </message>
    <message>
        <source>Profile %1, %2</source>
        <translation>Profil %1, %2</translation>
    </message>
    <message>
        <source>A job of %1 is already queued or running</source>
        <translation>Ein Auftrag von %1 wartet oder läuft bereits</translation>
    </message>
    <message>
        <source>Back up the databases of %1 now</source>
        <translation>Die Datenbanken von %1 jetzt sichern</translation>
    </message>
    <message>
        <source>Check the newest backup&apos;s integrity (checksums, decryption, archive)</source>
        <translation>Die Unversehrtheit der neuesten Sicherung prüfen (Prüfsummen, Entschlüsselung, Archiv)</translation>
    </message>
    <message>
        <source>There is no backup to verify yet</source>
        <translation>Es gibt noch keine Sicherung zum Prüfen</translation>
    </message>
    <message>
        <source>Its age key was never exported (see below).</source>
        <translation>Sein age-Schlüssel wurde nie exportiert (siehe unten).</translation>
    </message>
    <message>
        <source>Last verified: never by a test restore · integrity checked %1</source>
        <translation>Zuletzt geprüft: nie durch eine Testwiederherstellung · Integrität geprüft %1</translation>
    </message>
    <message>
        <source>Last verified: never by a test restore · integrity check FAILED %1</source>
        <translation>Zuletzt geprüft: nie durch eine Testwiederherstellung · Integritätsprüfung FEHLGESCHLAGEN %1</translation>
    </message>
    <message>
        <source>Recovery point: %1 target, %2 last gap</source>
        <translation>Wiederherstellungspunkt: Ziel %1, letzte Lücke %2</translation>
    </message>
    <message>
        <source>Recovery point: %1 target</source>
        <translation>Wiederherstellungspunkt: Ziel %1</translation>
    </message>
    <message>
        <source>Recovery point: %1 last gap (no schedule)</source>
        <translation>Wiederherstellungspunkt: letzte Lücke %1 (kein Zeitplan)</translation>
    </message>
    <message>
        <source>Recovery point: unknown (no schedule)</source>
        <translation>Wiederherstellungspunkt: unbekannt (kein Zeitplan)</translation>
    </message>
    <message>
        <source>recovery time: %1 (measured)</source>
        <translation>Wiederherstellungszeit: %1 (gemessen)</translation>
    </message>
    <message>
        <source>recovery time: not measured yet (verify with a test restore)</source>
        <translation>Wiederherstellungszeit: noch nicht gemessen (mit einer Testwiederherstellung prüfen)</translation>
    </message>
</context>
<context>
    <name>lifeboat::DashboardView</name>
    <message>
        <source>&amp;Add profile…</source>
        <translation>Profil &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Back up &amp;all now</source>
        <translation>&amp;Alle jetzt sichern</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>%n Profil</numerusform>
            <numerusform>%n Profile</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup of %1 started</source>
        <translation>Sicherung von %1 gestartet</translation>
    </message>
    <message>
        <source>%1 has no stored backup to verify: back it up first</source>
        <translation>%1 hat keine gespeicherte Sicherung zum Prüfen: sichern Sie es zuerst</translation>
    </message>
    <message numerus="yes">
        <source>Verifying the newest backup of %1 (%n database(s))</source>
        <translation>
            <numerusform>Die neueste Sicherung von %1 wird geprüft (%n Datenbank)</numerusform>
            <numerusform>Die neueste Sicherung von %1 wird geprüft (%n Datenbanken)</numerusform>
        </translation>
    </message>
    <message>
        <source>The recovery kit of %1 was not written: %2</source>
        <translation>Das Wiederherstellungspaket von %1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <source>Recovery kit of %1 written to %2 — keep it somewhere safe, away from this computer</source>
        <translation>Wiederherstellungspaket von %1 nach %2 geschrieben — bewahren Sie es sicher auf, nicht auf diesem Computer</translation>
    </message>
    <message>
        <source>Export the recovery kit of %1</source>
        <translation>Wiederherstellungspaket von %1 exportieren</translation>
    </message>
    <message>
        <source>Profile cards</source>
        <translation>Profilkarten</translation>
    </message>
</context>
<context>
    <name>lifeboat::DisplayFormat</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>verify</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>prune</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
</context>
<context>
    <name>lifeboat::HistoryChart</name>
    <message>
        <source>Backup size and duration chart</source>
        <translation>Diagramm der Sicherungsgröße und -dauer</translation>
    </message>
    <message>
        <source>No backups of %1 to chart yet.</source>
        <translation>Noch keine Sicherungen von %1 für das Diagramm.</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) of %1 from %2 to %3; the latest stored %4 and took %5.</source>
        <translation>
            <numerusform>%n Sicherung von %1 von %2 bis %3; die letzte speicherte %4 und dauerte %5.</numerusform>
            <numerusform>%n Sicherungen von %1 von %2 bis %3; die letzte speicherte %4 und dauerte %5.</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>unbekannt lange</translation>
    </message>
    <message>
        <source>%1
Stored: %2
Duration: %3</source>
        <translation>%1
Gespeichert: %2
Dauer: %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Select a run to chart its database&apos;s backups.</source>
        <translation>Wählen Sie einen Lauf, um die Sicherungen seiner Datenbank darzustellen.</translation>
    </message>
    <message>
        <source>Stored size of %1</source>
        <translation>Gespeicherte Größe von %1</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Backup time</source>
        <translation>Zeitpunkt der Sicherung</translation>
    </message>
    <message>
        <source>Backup time on %1</source>
        <translation>Zeitpunkt der Sicherung am %1</translation>
    </message>
</context>
<context>
    <name>lifeboat::HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Database(s)</source>
        <translation>Datenbank(en)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>catch-up</source>
        <translation>nachgeholt</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
</context>
<context>
    <name>lifeboat::HistoryView</name>
    <message>
        <source>Run history</source>
        <translation>Verlauf der Läufe</translation>
    </message>
    <message>
        <source>Every backup, verification, restore and prune, newest first: time, profile, databases, kind, trigger, status, duration and size. Select one to see its details.</source>
        <translation>Jede Sicherung, Prüfung, Wiederherstellung und Bereinigung, die neueste zuerst: Zeit, Profil, Datenbanken, Art, Auslöser, Status, Dauer und Größe. Wählen Sie einen Eintrag für die Details.</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>No runs match. Backups, verifications and restores appear here as they run.</source>
        <translation>Keine passenden Läufe. Sicherungen, Prüfungen und Wiederherstellungen erscheinen hier, sobald sie laufen.</translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Show runs of profile</source>
        <translation>Läufe dieses Profils zeigen</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>Alle Profile</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Show runs with status</source>
        <translation>Läufe mit diesem Status zeigen</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Show runs of kind</source>
        <translation>Läufe dieser Art zeigen</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Jede Art</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Show runs started within</source>
        <translation>Läufe zeigen, die begonnen haben in den</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Letzte 365 Tage</translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation>&amp;Zeit:</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Search profile, database or message (Ctrl+F)</source>
        <translation>Profil, Datenbank oder Meldung suchen (Strg+F)</translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation>Kein Lauf ausgewählt</translation>
    </message>
    <message>
        <source>Select a run to see its log and, for a backup, what it holds.</source>
        <translation>Wählen Sie einen Lauf, um sein Protokoll und bei einer Sicherung ihren Inhalt zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>&amp;Sicherung:</translation>
    </message>
    <message>
        <source>Backup written by the selected run</source>
        <translation>Vom ausgewählten Lauf geschriebene Sicherung</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Check the backup&apos;s checksum, decryption and archive (an integrity check)</source>
        <translation>Prüfsumme, Entschlüsselung und Archiv der Sicherung prüfen (Integritätsprüfung)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore this backup with the restore wizard</source>
        <translation>Diese Sicherung mit dem Wiederherstellungsassistenten wiederherstellen</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <source>Open the folder holding this backup</source>
        <translation>Den Ordner mit dieser Sicherung öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy restore command</source>
        <translation>Wiederherstellungsbefehl &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the lifeboat-cli restore command and the pipeline that restores it without Lifeboat (age, zstd, pg_restore)</source>
        <translation>Den Befehl lifeboat-cli restore und die Befehlskette kopieren, die ohne Lifeboat wiederherstellt (age, zstd, pg_restore)</translation>
    </message>
    <message>
        <source>Event log of the selected run</source>
        <translation>Ereignisprotokoll des ausgewählten Laufs</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>Pro&amp;tokoll</translation>
    </message>
    <message>
        <source>Tables in the selected backup</source>
        <translation>Tabellen der ausgewählten Sicherung</translation>
    </message>
    <message>
        <source>Schema / table</source>
        <translation>Schema / Tabelle</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>&amp;Tables</source>
        <translation>Tabe&amp;llen</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>Database to chart</source>
        <translation>Darzustellende Datenbank</translation>
    </message>
    <message>
        <source>C&amp;hart</source>
        <translation>Dia&amp;gramm</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln Lauf</numerusform>
            <numerusform>%Ln Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 — %3</source>
        <translation>%1 von %2 — %3</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Begonnen %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <source>databases: %1</source>
        <translation>Datenbanken: %1</translation>
    </message>
    <message>
        <source>(no events recorded)</source>
        <translation>(keine Ereignisse aufgezeichnet)</translation>
    </message>
    <message>
        <source>%1 — backup %2, %3</source>
        <translation>%1 — Sicherung %2, %3</translation>
    </message>
    <message>
        <source> (verified)</source>
        <translation> (geprüft)</translation>
    </message>
    <message>
        <source>No table list in this backup&apos;s manifest</source>
        <translation>Das Manifest dieser Sicherung enthält keine Tabellenliste</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>This backup was deleted by retention</source>
        <translation>Diese Sicherung wurde durch die Aufbewahrungsregel gelöscht</translation>
    </message>
    <message>
        <source>Select a backup run to act on its backup</source>
        <translation>Wählen Sie einen Sicherungslauf, um mit seiner Sicherung zu arbeiten</translation>
    </message>
    <message>
        <source># With Lifeboat (the restore wizard&apos;s defaults: a new database)
%1
# Without Lifeboat: standard tools only
%2
</source>
        <translation># Mit Lifeboat (wie im Wiederherstellungsassistenten: eine neue Datenbank)
%1
# Ohne Lifeboat: nur Standardwerkzeuge
%2
</translation>
    </message>
    <message>
        <source>Copied the commands that restore backup %1</source>
        <translation>Die Befehle zur Wiederherstellung von Sicherung %1 wurden kopiert</translation>
    </message>
    <message>
        <source>Could not open %1: no file manager answered</source>
        <translation>%1 konnte nicht geöffnet werden: kein Dateimanager hat geantwortet</translation>
    </message>
</context>
<context>
    <name>lifeboat::JobModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
</context>
<context>
    <name>lifeboat::MainWindow</name>
    <message numerus="yes">
        <source>%n run(s) left unfinished by a crash or power loss were marked as interrupted (see History).</source>
        <translation>
            <numerusform>%n durch Absturz oder Stromausfall unvollendeter Lauf wurde als unterbrochen markiert (siehe Verlauf).</numerusform>
            <numerusform>%n durch Absturz oder Stromausfall unvollendete Läufe wurden als unterbrochen markiert (siehe Verlauf).</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the catalog: %1</source>
        <translation>Der Katalog konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not read the catalog.

%1

Lifeboat tries again every few seconds.</source>
        <translation>Der Katalog konnte nicht gelesen werden.

%1

Lifeboat versucht es alle paar Sekunden erneut.</translation>
    </message>
    <message>
        <source>encrypted with an age passphrase</source>
        <translation>mit einer age-Passphrase verschlüsselt</translation>
    </message>
    <message numerus="yes">
        <source>encrypted with age to %n key(s)</source>
        <translation>
            <numerusform>mit age für %n Schlüssel verschlüsselt</numerusform>
            <numerusform>mit age für %n Schlüssel verschlüsselt</numerusform>
        </translation>
    </message>
    <message>
        <source>NOT encrypted</source>
        <translation>NICHT verschlüsselt</translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4</source>
        <translation>%1 · %2 → %3 · %4</translation>
    </message>
    <message>
        <source>&amp;Backups (%1)</source>
        <translation>&amp;Sicherungen (%1)</translation>
    </message>
    <message>
        <source>&amp;History (%1)</source>
        <translation>&amp;Verlauf (%1)</translation>
    </message>
    <message>
        <source>Backup of %1 started</source>
        <translation>Sicherung von %1 gestartet</translation>
    </message>
    <message>
        <source>Cancelling the %1 of %2…</source>
        <translation>%1 von %2 wird abgebrochen …</translation>
    </message>
    <message>
        <source>The %1 of %2 finished: %3</source>
        <translation>%1 von %2 beendet: %3</translation>
    </message>
    <message>
        <source>The %1 of %2 was cancelled</source>
        <translation>%1 von %2 wurde abgebrochen</translation>
    </message>
    <message>
        <source>The %1 of %2 failed: %3</source>
        <translation>%1 von %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Select a profile to back it up</source>
        <translation>Wählen Sie ein Profil, um es zu sichern</translation>
    </message>
    <message>
        <source>A job of %1 is already queued or running</source>
        <translation>Ein Auftrag für %1 wartet bereits oder läuft</translation>
    </message>
    <message>
        <source>Back up the databases of %1 now</source>
        <translation>Die Datenbanken von %1 jetzt sichern</translation>
    </message>
    <message>
        <source>Catalog: %1</source>
        <translation>Katalog: %1</translation>
    </message>
    <message>
        <source>The catalog this window reads (choose another with --config-dir)</source>
        <translation>Der Katalog, den dieses Fenster liest (einen anderen wählt --config-dir)</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>%n Profil</numerusform>
            <numerusform>%n Profile</numerusform>
        </translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>Keine Aufträge aktiv</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n Auftrag aktiv</numerusform>
            <numerusform>%n Aufträge aktiv</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>Aufträge laufen noch</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) are still running. Cancel them and quit? Nothing a cancelled backup was writing is kept.</source>
        <translation>
            <numerusform>%n Auftrag läuft noch. Abbrechen und beenden? Von einer abgebrochenen Sicherung bleibt nichts erhalten.</numerusform>
            <numerusform>%n Aufträge laufen noch. Abbrechen und beenden? Von einer abgebrochenen Sicherung bleibt nichts erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel jobs and quit</source>
        <translation>Aufträge abbrechen und beenden</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Cancelling the running jobs, then quitting…</source>
        <translation>Laufende Aufträge werden abgebrochen, dann wird beendet …</translation>
    </message>
    <message>
        <source>Jobs started here (Back up now, Ctrl+B) show their progress here. Backups made by lifeboat-cli appear in the profile&apos;s History.</source>
        <translation>Hier gestartete Aufträge (Jetzt sichern, Strg+B) zeigen hier ihren Fortschritt. Mit lifeboat-cli erstellte Sicherungen erscheinen im Verlauf des Profils.</translation>
    </message>
    <message>
        <source>No backups of %1 yet. Back up now (Ctrl+B) makes one.</source>
        <translation>Noch keine Sicherungen von %1. „Jetzt sichern“ (Strg+B) erstellt eine.</translation>
    </message>
    <message>
        <source>%1 has not run yet.</source>
        <translation>%1 ist noch nie gelaufen.</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Dashboard, Schedules, History and Restore (Ctrl+1 to Ctrl+4)</source>
        <translation>Übersicht, Zeitpläne, Verlauf und Wiederherstellung (Strg+1 bis Strg+4)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Profiles with their health, last backup and next run, and the selected profile&apos;s backups and history</source>
        <translation>Profile mit Zustand, letzter Sicherung und nächstem Lauf sowie Sicherungen und Verlauf des ausgewählten Profils</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Every schedule: its rule in words, next and last run, catch-up state, and a switch</source>
        <translation>Jeder Zeitplan: seine Regel in Worten, nächster und letzter Lauf, Nachholstatus und ein Schalter</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Every backup, verification, restore and prune, with their logs</source>
        <translation>Jede Sicherung, Prüfung, Wiederherstellung und Bereinigung mit ihren Protokollen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>The guided restore of a backup into a new or existing database</source>
        <translation>Die geführte Wiederherstellung einer Sicherung in eine neue oder bestehende Datenbank</translation>
    </message>
    <message>
        <source>Profile %1 created: choose Back up now on its card.</source>
        <translation>Profil %1 angelegt: wählen Sie „Jetzt sichern“ auf seiner Karte.</translation>
    </message>
    <message>
        <source>Profile %1 saved</source>
        <translation>Profil %1 gespeichert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Gehe zu %1</translation>
    </message>
    <message>
        <source>A restore is in progress in the Restore view: finish or cancel it first.</source>
        <translation>In der Ansicht Wiederherstellen läuft eine Wiederherstellung: schließen Sie sie zuerst ab oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>Checking the integrity of backup %1…</source>
        <translation>Integrität von Sicherung %1 wird geprüft…</translation>
    </message>
</context>
<context>
    <name>lifeboat::ProfileCardDelegate</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Last backup %1 · %2</source>
        <translation>Letzte Sicherung %1 · %2</translation>
    </message>
    <message>
        <source>Never backed up</source>
        <translation>Noch nie gesichert</translation>
    </message>
</context>
<context>
    <name>lifeboat::ProfileEditor</name>
    <message>
        <source>New backup profile</source>
        <translation>Neues Sicherungsprofil</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Profil bearbeiten</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Compression &amp; encryption</source>
        <translation>Komprimierung &amp; Verschlüsselung</translation>
    </message>
    <message>
        <source>Schedule &amp; retention</source>
        <translation>Zeitplan &amp; Aufbewahrung</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation>Profil &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>e.g. shop-production</source>
        <translation>z. B. shop-produktion</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/postgres, host=… user=…, or a service name</source>
        <translation>postgresql://benutzer@host:5432/postgres, host=… user=… oder ein Dienstname</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Import a connection</source>
        <translation>Eine Verbindung übernehmen</translation>
    </message>
    <message>
        <source>Import from ~/.pgpass, pg_service.conf, the local socket…</source>
        <translation>Aus ~/.pgpass, pg_service.conf, dem lokalen Socket übernehmen…</translation>
    </message>
    <message>
        <source>&amp;Import:</source>
        <translation>Über&amp;nehmen:</translation>
    </message>
    <message>
        <source>optional: kept in the keychain; else ~/.pgpass or PGPASSWORD</source>
        <translation>optional: im Schlüsselbund abgelegt; sonst ~/.pgpass oder PGPASSWORD</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>optional: a folder with pg_dump (found automatically)</source>
        <translation>optional: ein Ordner mit pg_dump (wird automatisch gefunden)</translation>
    </message>
    <message>
        <source>&amp;Tools folder:</source>
        <translation>&amp;Werkzeugordner:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;All databases of the server (new ones included), filtered by:</source>
        <translation>&amp;Alle Datenbanken des Servers (auch neue), gefiltert nach:</translation>
    </message>
    <message>
        <source>&amp;Only the databases ticked below:</source>
        <translation>&amp;Nur die unten angehakten Datenbanken:</translation>
    </message>
    <message>
        <source>glob patterns, e.g. shop_* (empty: all)</source>
        <translation>Glob-Muster, z. B. shop_* (leer: alle)</translation>
    </message>
    <message>
        <source>glob patterns, e.g. *_test</source>
        <translation>Glob-Muster, z. B. *_test</translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation>&amp;Einschließen:</translation>
    </message>
    <message>
        <source>E&amp;xclude:</source>
        <translation>Aus&amp;schließen:</translation>
    </message>
    <message>
        <source>Databases on the server</source>
        <translation>Datenbanken auf dem Server</translation>
    </message>
    <message>
        <source>The list is filled from the server by Test connection on the previous page.</source>
        <translation>Die Liste wird von „Verbindung testen“ auf der vorigen Seite vom Server gefüllt.</translation>
    </message>
    <message>
        <source>Also back up &amp;roles and tablespaces (pg_dumpall --globals-only)</source>
        <translation>Auch &amp;Rollen und Tablespaces sichern (pg_dumpall --globals-only)</translation>
    </message>
    <message>
        <source>Each backup is stored at every destination in this list:</source>
        <translation>Jede Sicherung wird an jedem Ziel dieser Liste gespeichert:</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>&amp;Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Test selected</source>
        <translation>Auswahl &amp;testen</translation>
    </message>
    <message>
        <source>S3-compatible storage</source>
        <translation>S3-kompatibler Speicher</translation>
    </message>
    <message>
        <source>Amazon S3</source>
        <translation>Amazon S3</translation>
    </message>
    <message>
        <source>Cloudflare R2</source>
        <translation>Cloudflare R2</translation>
    </message>
    <message>
        <source>Backblaze B2</source>
        <translation>Backblaze B2</translation>
    </message>
    <message>
        <source>MinIO or other</source>
        <translation>MinIO oder andere</translation>
    </message>
    <message>
        <source>optional folder inside the bucket</source>
        <translation>optionaler Ordner im Bucket</translation>
    </message>
    <message>
        <source>optional, e.g. us-east-1</source>
        <translation>optional, z. B. us-east-1</translation>
    </message>
    <message>
        <source>path style</source>
        <translation>Pfad-Stil</translation>
    </message>
    <message>
        <source>virtual-hosted style</source>
        <translation>Virtual-Hosted-Stil</translation>
    </message>
    <message>
        <source>optional: access key id (not secret)</source>
        <translation>optional: Access-Key-ID (nicht geheim)</translation>
    </message>
    <message>
        <source>Add S3 &amp;destination</source>
        <translation>S3-&amp;Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>An&amp;bieter:</translation>
    </message>
    <message>
        <source>B&amp;ucket:</source>
        <translation>B&amp;ucket:</translation>
    </message>
    <message>
        <source>Pr&amp;efix:</source>
        <translation>Prä&amp;fix:</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>Re&amp;gion:</translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation>St&amp;il:</translation>
    </message>
    <message>
        <source>Access &amp;key id:</source>
        <translation>Access-&amp;Key-ID:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Sicherungsordner wählen</translation>
    </message>
    <message>
        <source>Re&amp;gion (AWS):</source>
        <translation>Re&amp;gion (AWS):</translation>
    </message>
    <message>
        <source>Account &amp;ID (R2):</source>
        <translation>Konto-&amp;ID (R2):</translation>
    </message>
    <message>
        <source>Re&amp;gion (B2):</source>
        <translation>Re&amp;gion (B2):</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation>&amp;Endpunkt-URL:</translation>
    </message>
    <message>
        <source>e.g. eu-central-1</source>
        <translation>z. B. eu-central-1</translation>
    </message>
    <message>
        <source>your Cloudflare account id</source>
        <translation>Ihre Cloudflare-Konto-ID</translation>
    </message>
    <message>
        <source>e.g. us-west-004</source>
        <translation>z. B. us-west-004</translation>
    </message>
    <message>
        <source>e.g. https://minio.example:9000</source>
        <translation>z. B. https://minio.example:9000</translation>
    </message>
    <message>
        <source>(give a bucket)</source>
        <translation>(Bucket angeben)</translation>
    </message>
    <message>
        <source>Add a destination first.</source>
        <translation>Fügen Sie zuerst ein Ziel hinzu.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Compression (zstd)</source>
        <translation>Komprimierung (zstd)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>&amp;Level (1 fastest – 19 smallest):</source>
        <translation>&amp;Stufe (1 am schnellsten – 19 am kleinsten):</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>Encryption (age)</source>
        <translation>Verschlüsselung (age)</translation>
    </message>
    <message>
        <source>Encrypt to age &amp;keys (recommended)</source>
        <translation>Für age-&amp;Schlüssel verschlüsseln (empfohlen)</translation>
    </message>
    <message>
        <source>&amp;Generate a key for this profile in the keychain (export a recovery kit afterwards from the dashboard)</source>
        <translation>Einen Schlüssel für dieses Profil im Schlüsselbund &amp;erzeugen (danach im Dashboard ein Wiederherstellungspaket exportieren)</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>more recipients, one age1… per line (e.g. an offline key)</source>
        <translation>weitere Empfänger, ein age1… pro Zeile (z. B. ein Offline-Schlüssel)</translation>
    </message>
    <message>
        <source>Encrypt with a &amp;passphrase (kept in the keychain)</source>
        <translation>Mit einer &amp;Passphrase verschlüsseln (im Schlüsselbund abgelegt)</translation>
    </message>
    <message>
        <source>leave empty to keep the one in the keychain</source>
        <translation>leer lassen, um die im Schlüsselbund zu behalten</translation>
    </message>
    <message>
        <source>Do &amp;not encrypt</source>
        <translation>&amp;Nicht verschlüsseln</translation>
    </message>
    <message>
        <source>&amp;Verify each backup by restoring it into a throwaway server</source>
        <translation>Jede Sicherung durch Wiederherstellen in einen Wegwerf-Server &amp;prüfen</translation>
    </message>
    <message>
        <source>Manual only</source>
        <translation>Nur manuell</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>Every day at 02:30</source>
        <translation>Täglich um 02:30</translation>
    </message>
    <message>
        <source>Weekdays at 22:00</source>
        <translation>Werktags um 22:00</translation>
    </message>
    <message>
        <source>Every Sunday at 03:00</source>
        <translation>Jeden Sonntag um 03:00</translation>
    </message>
    <message>
        <source>First day of the month at 03:00</source>
        <translation>Am Monatsersten um 03:00</translation>
    </message>
    <message>
        <source>daily@02:30, weekly@mon,thu@02:00, or cron: 30 2 * * *</source>
        <translation>daily@02:30, weekly@mon,thu@02:00 oder cron: 30 2 * * *</translation>
    </message>
    <message>
        <source>Schedule &amp;enabled</source>
        <translation>Zeitplan &amp;aktiv</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>&amp;Regel:</translation>
    </message>
    <message>
        <source>In words:</source>
        <translation>In Worten:</translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation>Nächste Läufe:</translation>
    </message>
    <message>
        <source>Retention (a backup is kept when any rule keeps it; all 0: keep everything)</source>
        <translation>Aufbewahrung (eine Sicherung bleibt, wenn irgendeine Regel sie behält; alle 0: alles behalten)</translation>
    </message>
    <message>
        <source>Keep the &amp;last:</source>
        <translation>Die &amp;letzten behalten:</translation>
    </message>
    <message>
        <source>Keep everything newer than (&amp;days):</source>
        <translation>Alles behalten, was jünger ist als (&amp;Tage):</translation>
    </message>
    <message>
        <source>Keep one a day for (d&amp;ays):</source>
        <translation>Eine pro Tag behalten für (T&amp;age):</translation>
    </message>
    <message>
        <source>Keep one a week for (&amp;weeks):</source>
        <translation>Eine pro Woche behalten für (&amp;Wochen):</translation>
    </message>
    <message>
        <source>Keep one a month for (&amp;months):</source>
        <translation>Eine pro Monat behalten für (&amp;Monate):</translation>
    </message>
    <message>
        <source>Keep one a year for (&amp;years):</source>
        <translation>Eine pro Jahr behalten für (&amp;Jahre):</translation>
    </message>
    <message>
        <source>manual only: backups run when you start them</source>
        <translation>nur manuell: Sicherungen laufen, wenn Sie sie starten</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications while Lifeboat runs</source>
        <translation>&amp;Desktop-Benachrichtigungen anzeigen, solange Lifeboat läuft</translation>
    </message>
    <message>
        <source>Webhook &amp;format:</source>
        <translation>Webhook-&amp;Format:</translation>
    </message>
    <message>
        <source>https://… — kept in the keychain (leave empty to keep the current one)</source>
        <translation>https://… — im Schlüsselbund abgelegt (leer lassen, um die bisherige zu behalten)</translation>
    </message>
    <message>
        <source>Webhook &amp;URL:</source>
        <translation>Webhook-&amp;URL:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>&amp;Remind again after:</source>
        <translation>E&amp;rneut erinnern nach:</translation>
    </message>
    <message>
        <source>optional: node_exporter textfile, e.g. /var/lib/node_exporter/lifeboat.prom</source>
        <translation>optional: node_exporter-Textdatei, z. B. /var/lib/node_exporter/lifeboat.prom</translation>
    </message>
    <message>
        <source>&amp;Prometheus textfile:</source>
        <translation>&amp;Prometheus-Textdatei:</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (aus %2)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: PostgreSQL %1, %n database(s). Backups will use %2.</source>
        <translation>
            <numerusform>Verbunden: PostgreSQL %1, %n Datenbank. Sicherungen verwenden %2.</numerusform>
            <numerusform>Verbunden: PostgreSQL %1, %n Datenbanken. Sicherungen verwenden %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the server to back up (a postgresql:// URI, host=… or a service name).</source>
        <translation>Geben Sie den zu sichernden Server an (eine postgresql://-URI, host=… oder einen Dienstnamen).</translation>
    </message>
    <message>
        <source>Type the passphrase: it is kept in the keychain, and backups cannot be read without it.</source>
        <translation>Geben Sie die Passphrase ein: Sie wird im Schlüsselbund abgelegt, und ohne sie lassen sich die Sicherungen nicht lesen.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>kept in the keychain; leave empty to keep the current one</source>
        <translation>wird im Schlüsselbund gespeichert; leer lassen, um den aktuellen zu behalten</translation>
    </message>
    <message>
        <source>Secret access ke&amp;y:</source>
        <translation>Geheimer Zugriffss&amp;chlüssel:</translation>
    </message>
    <message>
        <source>Without a secret key here or in the keychain, AWS_SECRET_ACCESS_KEY or ~/.aws/credentials is used when the backup runs. It is never stored in the profile.</source>
        <translation>Ohne geheimen Schlüssel hier oder im Schlüsselbund wird bei der Sicherung AWS_SECRET_ACCESS_KEY oder ~/.aws/credentials verwendet. Er wird nie im Profil gespeichert.</translation>
    </message>
    <message>
        <source>Custom rule (below)</source>
        <translation>Eigene Regel (unten)</translation>
    </message>
    <message>
        <source>Generic JSON</source>
        <translation>Allgemeines JSON</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>Discord</source>
        <translation>Discord</translation>
    </message>
    <message>
        <source>Microsoft Teams</source>
        <translation>Microsoft Teams</translation>
    </message>
    <message>
        <source>Mattermost</source>
        <translation>Mattermost</translation>
    </message>
    <message>
        <source>Healthchecks.io pings</source>
        <translation>Healthchecks.io-Pings</translation>
    </message>
</context>
<context>
    <name>lifeboat::ProfileTableModel</name>
    <message>
        <source>all databases</source>
        <translation>alle Datenbanken</translation>
    </message>
    <message>
        <source>all matching %1</source>
        <translation>alle passend zu %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>no runs yet</source>
        <translation>noch kein Lauf</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Destinations: %1</source>
        <translation>Ziele: %1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Noch keine Sicherung</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) kept, %1 in all</source>
        <translation>
            <numerusform>%n Sicherung aufbewahrt, insgesamt %1</numerusform>
            <numerusform>%n Sicherungen aufbewahrt, insgesamt %1</numerusform>
        </translation>
    </message>
    <message>
        <source>This profile has not run yet.</source>
        <translation>Dieses Profil ist noch nie gelaufen.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Anyone who can read the destination can read these backups.</source>
        <translation>Wer das Ziel lesen kann, kann auch diese Sicherungen lesen.</translation>
    </message>
    <message>
        <source>Encrypted with age and a passphrase kept in the keychain.</source>
        <translation>Mit age und einer Passphrase aus dem Schlüsselbund verschlüsselt.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Letzte Sicherung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation>%1 wartet</translation>
    </message>
    <message>
        <source>%1 running, %2%</source>
        <translation>%1 läuft, %2 %</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 läuft</translation>
    </message>
    <message numerus="yes">
        <source>Encrypted with age to %n key(s): %1</source>
        <translation>
            <numerusform>Mit age für %n Schlüssel verschlüsselt: %1</numerusform>
            <numerusform>Mit age für %n Schlüssel verschlüsselt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>last backup %1, %2</source>
        <translation>letzte Sicherung %1, %2</translation>
    </message>
    <message>
        <source>never backed up</source>
        <translation>noch nie gesichert</translation>
    </message>
    <message>
        <source>%1: %2, databases %3; %4; status %5; encryption %6</source>
        <translation>%1: %2, Datenbanken %3; %4; Status %5; Verschlüsselung %6</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>verschlüsselt</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>nicht verschlüsselt</translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreIntegrityPage</name>
    <message>
        <source>Check the backup&apos;s integrity</source>
        <translation>Integrität der Sicherung prüfen</translation>
    </message>
    <message>
        <source>Before anything touches a database, the backup is read to its end: its SHA-256 checksum, its decryption and the archive itself.</source>
        <translation>Bevor eine Datenbank berührt wird, wird die Sicherung bis zum Ende gelesen: ihre SHA-256-Prüfsumme, ihre Entschlüsselung und das Archiv selbst.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Checking backup %1 of %2 (%3)…</source>
        <translation>Sicherung %1 von %2 (%3) wird geprüft…</translation>
    </message>
    <message>
        <source>The backup is intact.</source>
        <translation>Die Sicherung ist unversehrt.</translation>
    </message>
    <message>
        <source>The integrity check was cancelled.</source>
        <translation>Die Integritätsprüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The integrity check failed.</source>
        <translation>Die Integritätsprüfung ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreJobPage</name>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Waiting for the other jobs of %1 to finish…</source>
        <translation>Warten, bis die anderen Aufträge von %1 fertig sind…</translation>
    </message>
    <message>
        <source> — about %1 left</source>
        <translation> — noch etwa %1</translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreOptionsPage</name>
    <message>
        <source>What to restore</source>
        <translation>Was wiederhergestellt wird</translation>
    </message>
    <message>
        <source>Everything is selected. Uncheck schemas or tables to restore only part of the backup.</source>
        <translation>Alles ist ausgewählt. Entfernen Sie Haken bei Schemas oder Tabellen, um nur einen Teil wiederherzustellen.</translation>
    </message>
    <message>
        <source>Schemas and tables to restore</source>
        <translation>Wiederherzustellende Schemas und Tabellen</translation>
    </message>
    <message>
        <source>Schema / table</source>
        <translation>Schema / Tabelle</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Parallel restore jobs</source>
        <translation>Parallele Wiederherstellungsprozesse</translation>
    </message>
    <message>
        <source>More than one job restores tables in parallel from a temporary decoded copy of the backup (it needs that much free space in the temporary folder)</source>
        <translation>Mehr als ein Prozess stellt Tabellen parallel aus einer temporären entschlüsselten Kopie der Sicherung wieder her (dafür muss im temporären Ordner so viel Platz frei sein)</translation>
    </message>
    <message>
        <source>&amp;Parallel jobs:</source>
        <translation>&amp;Parallele Prozesse:</translation>
    </message>
    <message>
        <source>Do not restore &amp;owners (objects belong to the connecting role)</source>
        <translation>&amp;Eigentümer nicht wiederherstellen (Objekte gehören der verbindenden Rolle)</translation>
    </message>
    <message>
        <source>&amp;Schema and data</source>
        <translation>&amp;Schema und Daten</translation>
    </message>
    <message>
        <source>&amp;Data only</source>
        <translation>Nur &amp;Daten</translation>
    </message>
    <message>
        <source>Sc&amp;hema only</source>
        <translation>Nur Sc&amp;hema</translation>
    </message>
    <message>
        <source>Restore:</source>
        <translation>Wiederherstellen:</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>The backup&apos;s manifest lists no tables: the whole backup is restored.</source>
        <translation>Das Manifest der Sicherung nennt keine Tabellen: die ganze Sicherung wird wiederhergestellt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n table(s) selected, %2 rows.</source>
        <translation>
            <numerusform>%1 von %n Tabelle ausgewählt, %2 Zeilen.</numerusform>
            <numerusform>%1 von %n Tabellen ausgewählt, %2 Zeilen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lifeboat::RestorePickPage</name>
    <message>
        <source>Choose a backup</source>
        <translation>Sicherung auswählen</translation>
    </message>
    <message>
        <source>Pick the profile, the database and the point in time to restore. Verified backups have been restored and compared with their manifest before.</source>
        <translation>Wählen Sie Profil, Datenbank und Zeitpunkt. Geprüfte Sicherungen wurden bereits wiederhergestellt und mit ihrem Manifest verglichen.</translation>
    </message>
    <message>
        <source>Backups to restore</source>
        <translation>Wiederherstellbare Sicherungen</translation>
    </message>
    <message>
        <source>Profiles, their databases, and each database&apos;s backups, newest first</source>
        <translation>Profile, ihre Datenbanken und deren Sicherungen, die neueste zuerst</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Use an &amp;identity file…</source>
        <translation>&amp;Identitätsdatei verwenden…</translation>
    </message>
    <message>
        <source>For a backup whose key is not in this computer&apos;s keychain: the age identity file (AGE-SECRET-KEY-1…) of one of its recipients, e.g. a recovery kit</source>
        <translation>Für eine Sicherung, deren Schlüssel nicht im Schlüsselbund dieses Rechners liegt: die age-Identitätsdatei (AGE-SECRET-KEY-1…) eines ihrer Empfänger, z. B. ein Wiederherstellungspaket</translation>
    </message>
    <message>
        <source>verified %1</source>
        <translation>geprüft %1</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>Backup %1 of %2 at %3%4</source>
        <translation>Sicherung %1 von %2 vom %3%4</translation>
    </message>
    <message>
        <source>, verified</source>
        <translation>, geprüft</translation>
    </message>
    <message>
        <source>Backup %1, SHA-256 %2</source>
        <translation>Sicherung %1, SHA-256 %2</translation>
    </message>
    <message>
        <source>Could not read the backups: %1</source>
        <translation>Die Sicherungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>There are no backups to restore yet.</source>
        <translation>Es gibt noch keine Sicherungen zum Wiederherstellen.</translation>
    </message>
    <message>
        <source>Select a backup (a point in time under a database).</source>
        <translation>Wählen Sie eine Sicherung (einen Zeitpunkt unter einer Datenbank).</translation>
    </message>
    <message>
        <source>Reading backup %1…</source>
        <translation>Sicherung %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Decrypted with the identity file %1.</source>
        <translation>Wird mit der Identitätsdatei %1 entschlüsselt.</translation>
    </message>
    <message>
        <source>This backup is not encrypted.</source>
        <translation>Diese Sicherung ist nicht verschlüsselt.</translation>
    </message>
    <message>
        <source>Encrypted with the passphrase of %1, read from the keychain.</source>
        <translation>Mit der Passphrase von %1 verschlüsselt; sie wird aus dem Schlüsselbund gelesen.</translation>
    </message>
    <message>
        <source>Encrypted: decrypted with the key of %1 in the keychain, or an identity file you choose.</source>
        <translation>Verschlüsselt: wird mit dem Schlüssel von %1 aus dem Schlüsselbund entschlüsselt oder mit einer Identitätsdatei Ihrer Wahl.</translation>
    </message>
    <message>
        <source>Encrypted, and its profile is gone: choose an identity file that decrypts it.</source>
        <translation>Verschlüsselt, und das Profil gibt es nicht mehr: wählen Sie eine Identitätsdatei, die sie entschlüsselt.</translation>
    </message>
    <message>
        <source>Choose an age identity file</source>
        <translation>age-Identitätsdatei auswählen</translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation>BESCHÄDIGT</translation>
    </message>
    <message>
        <source>integrity ok %1</source>
        <translation>Integrität ok %1</translation>
    </message>
    <message>
        <source>, damaged</source>
        <translation>, beschädigt</translation>
    </message>
    <message>
        <source>The integrity check on %1 found this backup damaged, so it will not restore: %2</source>
        <translation>Die Integritätsprüfung vom %1 hat diese Sicherung als beschädigt erkannt; sie lässt sich nicht wiederherstellen: %2</translation>
    </message>
</context>
<context>
    <name>lifeboat::RestorePreflightPage</name>
    <message>
        <source>Pre-flight checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <source>What the target server has to offer this restore. Nothing has been changed there yet.</source>
        <translation>Was der Zielserver für diese Wiederherstellung mitbringt. Dort wurde noch nichts verändert.</translation>
    </message>
    <message>
        <source>Start &amp;restore</source>
        <translation>&amp;Wiederherstellung starten</translation>
    </message>
    <message>
        <source>Pre-flight check results</source>
        <translation>Ergebnisse der Vorabprüfungen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>The checks could not run: %1</source>
        <translation>Die Prüfungen konnten nicht laufen: %1</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <source>Target database</source>
        <translation>Zieldatenbank</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>Ready to restore: Start restore begins.</source>
        <translation>Bereit: „Wiederherstellung starten“ beginnt.</translation>
    </message>
    <message>
        <source>The restore cannot go ahead: %1 Go back to change the target or the options, or fix the server and check again.</source>
        <translation>Die Wiederherstellung kann nicht beginnen: %1 Gehen Sie zurück, um Ziel oder Optionen zu ändern, oder beheben Sie das Problem am Server und prüfen Sie erneut.</translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreReportPage</name>
    <message>
        <source>Restore report</source>
        <translation>Bericht der Wiederherstellung</translation>
    </message>
    <message>
        <source>Rows restored compared with the backup&apos;s manifest</source>
        <translation>Wiederhergestellte Zeilen im Vergleich mit dem Manifest der Sicherung</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Rows restored</source>
        <translation>Wiederhergestellte Zeilen</translation>
    </message>
    <message>
        <source>Rows in the backup</source>
        <translation>Zeilen in der Sicherung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Kopiert: %1</translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation>Verbindungszeichenfolge</translation>
    </message>
    <message>
        <source>psql command</source>
        <translation>psql-Befehl</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>stimmt</translation>
    </message>
    <message>
        <source>DIFFERS</source>
        <translation>WEICHT AB</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was restored on %2 in %3: %4 table(s), %5 rows, all matching the backup&apos;s manifest.</source>
        <translation>„%1“ wurde auf %2 in %3 wiederhergestellt: %4 Tabelle(n), %5 Zeilen, alle wie im Manifest der Sicherung.</translation>
    </message>
    <message>
        <source>The restore did not succeed (%1 table(s) differ): %2</source>
        <translation>Die Wiederherstellung ist nicht gelungen (%1 Tabelle(n) weichen ab): %2</translation>
    </message>
    <message>
        <source>What was restored, compared with the backup&apos;s manifest, and how to connect to it.</source>
        <translation>Was wiederhergestellt wurde, im Vergleich mit dem Manifest der Sicherung, und wie Sie sich damit verbinden.</translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreRunPage</name>
    <message>
        <source>Restoring</source>
        <translation>Wiederherstellung läuft</translation>
    </message>
    <message>
        <source>&amp;Cancel restore</source>
        <translation>Wiederherstellung &amp;abbrechen</translation>
    </message>
    <message>
        <source>Stop the restore: a new database is dropped, a replaced one is put back</source>
        <translation>Wiederherstellung anhalten: eine neue Datenbank wird gelöscht, eine ersetzte zurückgebracht</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Restoring backup %1 of %2 into &apos;%3&apos; on %4.</source>
        <translation>Sicherung %1 von %2 wird in „%3“ auf %4 wiederhergestellt.</translation>
    </message>
    <message>
        <source>The restore finished. Next shows the report.</source>
        <translation>Die Wiederherstellung ist fertig. „Weiter“ zeigt den Bericht.</translation>
    </message>
    <message>
        <source>The restore was cancelled.</source>
        <translation>Die Wiederherstellung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The restore failed.</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreTargetPage</name>
    <message>
        <source>Where to restore</source>
        <translation>Wohin wiederhergestellt wird</translation>
    </message>
    <message>
        <source>A new database leaves everything else as it is. Replacing a database takes a safety backup of it first.</source>
        <translation>Eine neue Datenbank lässt alles andere unverändert. Vor dem Ersetzen einer Datenbank wird sie zuerst gesichert.</translation>
    </message>
    <message>
        <source>A new database on &amp;another server:</source>
        <translation>Eine neue Datenbank auf einem &amp;anderen Server:</translation>
    </message>
    <message>
        <source>Connection URI of the other server</source>
        <translation>Verbindungs-URI des anderen Servers</translation>
    </message>
    <message>
        <source>A URI, keyword string or service name, without a password: libpq finds it in ~/.pgpass, PGPASSWORD or the service file</source>
        <translation>Eine URI, eine Schlüsselwort-Zeichenfolge oder ein Dienstname, ohne Passwort: libpq findet es in ~/.pgpass, PGPASSWORD oder der Dienstdatei</translation>
    </message>
    <message>
        <source>Name of the database to restore into</source>
        <translation>Name der Zieldatenbank</translation>
    </message>
    <message>
        <source>Database &amp;name:</source>
        <translation>Datenbank&amp;name:</translation>
    </message>
    <message>
        <source>Type the name of the database to replace again</source>
        <translation>Namen der zu ersetzenden Datenbank erneut eingeben</translation>
    </message>
    <message>
        <source>Type its name again to &amp;confirm:</source>
        <translation>Zur &amp;Bestätigung den Namen erneut eingeben:</translation>
    </message>
    <message>
        <source>the profile&apos;s server</source>
        <translation>dem Server des Profils</translation>
    </message>
    <message>
        <source>A &amp;new database on %1 (recommended)</source>
        <translation>Eine &amp;neue Datenbank auf %1 (empfohlen)</translation>
    </message>
    <message>
        <source>&amp;Replace an existing database on %1 (a safety backup of it is taken first)</source>
        <translation>Eine bestehende Datenbank auf %1 e&amp;rsetzen (sie wird zuerst gesichert)</translation>
    </message>
    <message>
        <source>Name the database to restore into.</source>
        <translation>Geben Sie den Namen der Zieldatenbank ein.</translation>
    </message>
    <message>
        <source>Enter the other server&apos;s connection URI.</source>
        <translation>Geben Sie die Verbindungs-URI des anderen Servers ein.</translation>
    </message>
    <message>
        <source>Type the name of the database to replace, %1, again to confirm.</source>
        <translation>Geben Sie zur Bestätigung den Namen der zu ersetzenden Datenbank, %1, erneut ein.</translation>
    </message>
    <message>
        <source>A &amp;new database on the backup&apos;s server (recommended)</source>
        <translation>Eine &amp;neue Datenbank auf dem Server der Sicherung (empfohlen)</translation>
    </message>
    <message>
        <source>&amp;Replace an existing database (a safety backup of it is taken first)</source>
        <translation>Eine bestehende Datenbank e&amp;rsetzen (vorher wird sie zur Sicherheit gesichert)</translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreWizard</name>
    <message>
        <source>Restore a backup</source>
        <translation>Eine Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Restore wizard</source>
        <translation>Wiederherstellungsassistent</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <source>A restore is in progress in the wizard: finish or cancel it first.</source>
        <translation>Im Assistenten läuft eine Wiederherstellung: schließen Sie sie zuerst ab oder brechen Sie sie ab.</translation>
    </message>
</context>
<context>
    <name>lifeboat::RunTableModel</name>
    <message>
        <source>%1 so far</source>
        <translation>bisher %1</translation>
    </message>
    <message>
        <source>Run %1, started %2 UTC</source>
        <translation>Lauf %1, gestartet %2 UTC</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>lifeboat::SchedulesView</name>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzter Lauf</translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation>Nachholen</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>No profile has a schedule. Give one a schedule in its editor (Edit… on the dashboard), e.g. every day at 02:30.</source>
        <translation>Kein Profil hat einen Zeitplan. Geben Sie einem Profil in seinem Editor (Bearbeiten… im Dashboard) einen, z. B. täglich um 02:30.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>invalid rule</source>
        <translation>ungültige Regel</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>missed run pending: starts %1</source>
        <translation>verpasster Lauf steht aus: beginnt %1</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>wartet: %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>scheduler not running</source>
        <translation>Planer läuft nicht</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Schedule of %1 enabled</source>
        <translation>Zeitplan von %1 aktiv</translation>
    </message>
    <message>
        <source>Schedule of %1 switched on</source>
        <translation>Zeitplan von %1 eingeschaltet</translation>
    </message>
    <message>
        <source>Schedule of %1 paused</source>
        <translation>Zeitplan von %1 pausiert</translation>
    </message>
    <message>
        <source>The schedule of %1 was not changed: %2</source>
        <translation>Der Zeitplan von %1 wurde nicht geändert: %2</translation>
    </message>
</context>
<context>
    <name>lifeboat::TrayIcon</name>
    <message>
        <source>&amp;Back up all now</source>
        <translation>&amp;Alle jetzt sichern</translation>
    </message>
    <message>
        <source>&amp;Open Lifeboat</source>
        <translation>Lifeboat ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>Nach dem Schließen des Fensters im Infobereich &amp;weiterlaufen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Lifeboat — cannot read the catalog</source>
        <translation>Lifeboat — der Katalog kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Lifeboat — no profiles yet</source>
        <translation>Lifeboat — noch keine Profile</translation>
    </message>
    <message numerus="yes">
        <source>Lifeboat — all %n profile(s) healthy</source>
        <translation>
            <numerusform>Lifeboat — %n Profil in Ordnung</numerusform>
            <numerusform>Lifeboat — alle %n Profile in Ordnung</numerusform>
        </translation>
    </message>
    <message>
        <source>Lifeboat
%1</source>
        <translation>Lifeboat
%1</translation>
    </message>
    <message>
        <source>Lifeboat: the %1 of %2 failed</source>
        <translation>Lifeboat: %1 von %2 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>lifeboat::WelcomePage</name>
    <message>
        <source>Welcome to Lifeboat</source>
        <translation>Willkommen bei Lifeboat</translation>
    </message>
    <message>
        <source>Lifeboat backs up PostgreSQL databases, encrypted, to folders and S3 buckets — and proves that they restore. Choose a server to set up your first backup:</source>
        <translation>Lifeboat sichert PostgreSQL-Datenbanken verschlüsselt in Ordner und S3-Buckets — und beweist, dass sie sich wiederherstellen lassen. Wählen Sie einen Server für Ihre erste Sicherung:</translation>
    </message>
    <message>
        <source>PostgreSQL servers found on this computer</source>
        <translation>Auf diesem Computer gefundene PostgreSQL-Server</translation>
    </message>
    <message>
        <source>Looking for PostgreSQL servers…</source>
        <translation>Suche nach PostgreSQL-Servern…</translation>
    </message>
    <message>
        <source>&amp;Set up a backup…</source>
        <translation>Sicherung &amp;einrichten…</translation>
    </message>
    <message>
        <source>%1 — found in %2</source>
        <translation>%1 — gefunden in %2</translation>
    </message>
    <message>
        <source>No server found here (no PG* variables, ~/.pgpass, pg_service.conf or local socket). Set up a backup and type the server&apos;s address.</source>
        <translation>Hier wurde kein Server gefunden (keine PG*-Variablen, ~/.pgpass, pg_service.conf oder lokaler Socket). Richten Sie eine Sicherung ein und geben Sie die Adresse des Servers ein.</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) found. Select one and choose Set up a backup.</source>
        <translation>
            <numerusform>%n Server gefunden. Wählen Sie ihn und dann „Sicherung einrichten“.</numerusform>
            <numerusform>%n Server gefunden. Wählen Sie einen und dann „Sicherung einrichten“.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Back up PostgreSQL databases and prove that they restore.</source>
        <translation>PostgreSQL-Datenbanken sichern und beweisen, dass sie sich wiederherstellen lassen.</translation>
    </message>
    <message>
        <source>Keep settings and catalog in DIR (also: LIFEBOAT_CONFIG_DIR).</source>
        <translation>Einstellungen und Katalog in DIR ablegen (auch: LIFEBOAT_CONFIG_DIR).</translation>
    </message>
</context>
</TS>
