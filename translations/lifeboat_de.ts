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
        <source>No backup profiles yet</source>
        <translation>Noch keine Sicherungsprofile</translation>
    </message>
    <message>
        <source>A profile says which PostgreSQL server and databases to back up, where the backups go, and who can decrypt them. Add one from a terminal:</source>
        <translation>Ein Profil legt fest, welcher PostgreSQL-Server und welche Datenbanken gesichert werden, wohin die Sicherungen gehen und wer sie entschlüsseln kann. Legen Sie eines im Terminal an:</translation>
    </message>
    <message>
        <source>Command that adds a profile</source>
        <translation>Befehl, der ein Profil anlegt</translation>
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
    <message>
        <source>Make the age key pair with age-keygen and keep the private key somewhere safe: it is what decrypts the backups. Profiles added from the command line appear here within a few seconds; select one and choose Back up now.</source>
        <translation>Erzeugen Sie das age-Schlüsselpaar mit age-keygen und bewahren Sie den privaten Schlüssel sicher auf: Nur mit ihm lassen sich die Sicherungen entschlüsseln. Auf der Kommandozeile angelegte Profile erscheinen hier nach wenigen Sekunden; wählen Sie eines aus und dann „Jetzt sichern“.</translation>
    </message>
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
