<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>Lifeboat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each profile with its server, databases, last backup, outcome and encryption. Select one to see its backups and history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups of the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first: id, time, database, size, SHA-256 and whether the backup has been verified by a restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run history of the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first: when each run started, its kind, outcome, databases, duration and message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected job; nothing it was writing is kept as a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs started in this window: profile, kind, state, phase, progress and time left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the selected profile&apos;s databases now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the catalog again (it is also read every few seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rofiles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::BackupTableModel</name>
    <message>
        <source>verified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stored (%2 bytes); the dump was %3 before compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the stored file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored and checked on %1 (restore took %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last verification of this backup failed: see History.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup has not been restored yet, so it is not yet proven to work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integrity ok %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integrity check on %1 found this backup damaged, so it will not restore: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read in full and found intact on %1 (SHA-256, decryption, zstd checksums, archive, row counts), but not restored yet: a test restore proves it works.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::DashboardCard</name>
    <message>
        <source>Export recovery &amp;kit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: none yet (last attempt %1: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: %1 · %2 · latest run %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified: %1 · FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · restore took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run: none — the schedule is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run: manual only (no schedule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run: paused (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The age key of %1 exists only in this computer&apos;s keychain. If this computer is lost, its backups cannot be decrypted: export a recovery kit and keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job of %1 is already queued or running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the databases of %1 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the newest backup&apos;s integrity (checksums, decryption, archive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no backup to verify yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its age key was never exported (see below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified: never by a test restore · integrity checked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last verified: never by a test restore · integrity check FAILED %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery point: %1 target, %2 last gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery point: %1 target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery point: %1 last gap (no schedule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery point: unknown (no schedule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovery time: %1 (measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recovery time: not measured yet (verify with a test restore)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::DashboardView</name>
    <message>
        <source>&amp;Add profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up &amp;all now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>%n profile</numerusform>
            <numerusform>%n profiles</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup of %1 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no stored backup to verify: back it up first</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verifying the newest backup of %1 (%n database(s))</source>
        <translation>
            <numerusform>Verifying the newest backup of %1 (%n database)</numerusform>
            <numerusform>Verifying the newest backup of %1 (%n databases)</numerusform>
        </translation>
    </message>
    <message>
        <source>The recovery kit of %1 was not written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery kit of %1 written to %2 — keep it somewhere safe, away from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the recovery kit of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile cards</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::DisplayFormat</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::HistoryChart</name>
    <message>
        <source>Backup size and duration chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups of %1 to chart yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) of %1 from %2 to %3; the latest stored %4 and took %5.</source>
        <translation>
            <numerusform>%n backup of %1 from %2 to %3; the latest stored %4 and took %5.</numerusform>
            <numerusform>%n backups of %1 from %2 to %3; the latest stored %4 and took %5.</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Stored: %2
Duration: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to chart its database&apos;s backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored size of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup time on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::HistoryModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catch-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::HistoryView</name>
    <message>
        <source>Run history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every backup, verification, restore and prune, newest first: time, profile, databases, kind, trigger, status, duration and size. Select one to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs match. Backups, verifications and restores appear here as they run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show runs of profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show runs with status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show runs of kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show runs started within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search profile, database or message (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see its log and, for a backup, what it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written by the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the backup&apos;s checksum, decryption and archive (an integrity check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this backup with the restore wizard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder holding this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy restore command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the lifeboat-cli restore command and the pipeline that restores it without Lifeboat (age, zstd, pg_restore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event log of the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables in the selected backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema / table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database to chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln run(s)</source>
        <translation>
            <numerusform>%Ln run</numerusform>
            <numerusform>%Ln runs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>databases: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no events recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — backup %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No table list in this backup&apos;s manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup was deleted by retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a backup run to act on its backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># With Lifeboat (the restore wizard&apos;s defaults: a new database)
%1
# Without Lifeboat: standard tools only
%2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the commands that restore backup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: no file manager answered</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::MainWindow</name>
    <message numerus="yes">
        <source>%n run(s) left unfinished by a crash or power loss were marked as interrupted (see History).</source>
        <translation>
            <numerusform>%n run left unfinished by a crash or power loss was marked as interrupted (see History).</numerusform>
            <numerusform>%n runs left unfinished by a crash or power loss were marked as interrupted (see History).</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read the catalog: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the catalog.

%1

Lifeboat tries again every few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted with an age passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>encrypted with age to %n key(s)</source>
        <translation>
            <numerusform>encrypted with age to %n key</numerusform>
            <numerusform>encrypted with age to %n keys</numerusform>
        </translation>
    </message>
    <message>
        <source>NOT encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup of %1 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of %2 finished: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of %2 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a profile to back it up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job of %1 is already queued or running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the databases of %1 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog this window reads (choose another with --config-dir)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>%n profile</numerusform>
            <numerusform>%n profiles</numerusform>
        </translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n job running</numerusform>
            <numerusform>%n jobs running</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) are still running. Cancel them and quit? Nothing a cancelled backup was writing is kept.</source>
        <translation>
            <numerusform>%n job is still running. Cancel it and quit? Nothing a cancelled backup was writing is kept.</numerusform>
            <numerusform>%n jobs are still running. Cancel them and quit? Nothing a cancelled backup was writing is kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel jobs and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the running jobs, then quitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs started here (Back up now, Ctrl+B) show their progress here. Backups made by lifeboat-cli appear in the profile&apos;s History.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups of %1 yet. Back up now (Ctrl+B) makes one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard, Schedules, History and Restore (Ctrl+1 to Ctrl+4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles with their health, last backup and next run, and the selected profile&apos;s backups and history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every schedule: its rule in words, next and last run, catch-up state, and a switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every backup, verification, restore and prune, with their logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guided restore of a backup into a new or existing database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 created: choose Back up now on its card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile %1 saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore is in progress in the Restore view: finish or cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the integrity of backup %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::ProfileCardDelegate</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never backed up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::ProfileEditor</name>
    <message>
        <source>New backup profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression &amp; encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule &amp; retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. shop-production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/postgres, host=… user=…, or a service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from ~/.pgpass, pg_service.conf, the local socket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: kept in the keychain; else ~/.pgpass or PGPASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a folder with pg_dump (found automatically)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All databases of the server (new ones included), filtered by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Only the databases ticked below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>glob patterns, e.g. shop_* (empty: all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>glob patterns, e.g. *_test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xclude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list is filled from the server by Test connection on the previous page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also back up &amp;roles and tablespaces (pg_dumpall --globals-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each backup is stored at every destination in this list:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S3-compatible storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amazon S3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloudflare R2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backblaze B2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MinIO or other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional folder inside the bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. us-east-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>virtual-hosted style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: access key id (not secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add S3 &amp;destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;ucket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;efix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;key id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gion (AWS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;ID (R2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gion (B2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. eu-central-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your Cloudflare account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. us-west-004</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. https://minio.example:9000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(give a bucket)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a destination first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression (zstd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Level (1 fastest – 19 smallest):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption (age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypt to age &amp;keys (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate a key for this profile in the keychain (export a recovery kit afterwards from the dashboard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more recipients, one age1… per line (e.g. an offline key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypt with a &amp;passphrase (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty to keep the one in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do &amp;not encrypt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify each backup by restoring it into a throwaway server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day at 02:30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekdays at 22:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every Sunday at 03:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day of the month at 03:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily@02:30, weekly@mon,thu@02:00, or cron: 30 2 * * *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule &amp;enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention (a backup is kept when any rule keeps it; all 0: keep everything)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the &amp;last:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep everything newer than (&amp;days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one a day for (d&amp;ays):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one a week for (&amp;weeks):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one a month for (&amp;months):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep one a year for (&amp;years):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual only: backups run when you start them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications while Lifeboat runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook &amp;format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… — kept in the keychain (leave empty to keep the current one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remind again after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: node_exporter textfile, e.g. /var/lib/node_exporter/lifeboat.prom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prometheus textfile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: PostgreSQL %1, %n database(s). Backups will use %2.</source>
        <translation>
            <numerusform>Connected: PostgreSQL %1, %n database. Backups will use %2.</numerusform>
            <numerusform>Connected: PostgreSQL %1, %n databases. Backups will use %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the server to back up (a postgresql:// URI, host=… or a service name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase: it is kept in the keychain, and backups cannot be read without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the keychain; leave empty to keep the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret access ke&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a secret key here or in the keychain, AWS_SECRET_ACCESS_KEY or ~/.aws/credentials is used when the backup runs. It is never stored in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom rule (below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generic JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mattermost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthchecks.io pings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::ProfileTableModel</name>
    <message>
        <source>all databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all matching %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no runs yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destinations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) kept, %1 in all</source>
        <translation>
            <numerusform>%n backup kept, %1 in all</numerusform>
            <numerusform>%n backups kept, %1 in all</numerusform>
        </translation>
    </message>
    <message>
        <source>This profile has not run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone who can read the destination can read these backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted with age and a passphrase kept in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running, %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Encrypted with age to %n key(s): %1</source>
        <translation>
            <numerusform>Encrypted with age to %n key: %1</numerusform>
            <numerusform>Encrypted with age to %n keys: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>last backup %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, databases %3; %4; status %5; encryption %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreIntegrityPage</name>
    <message>
        <source>Check the backup&apos;s integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before anything touches a database, the backup is read to its end: its SHA-256 checksum, its decryption and the archive itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking backup %1 of %2 (%3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integrity check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integrity check failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreJobPage</name>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the other jobs of %1 to finish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreOptionsPage</name>
    <message>
        <source>What to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is selected. Uncheck schemas or tables to restore only part of the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schemas and tables to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema / table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel restore jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than one job restores tables in parallel from a temporary decoded copy of the backup (it needs that much free space in the temporary folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parallel jobs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not restore &amp;owners (objects belong to the connecting role)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Schema and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sc&amp;hema only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup&apos;s manifest lists no tables: the whole backup is restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n table(s) selected, %2 rows.</source>
        <translation>
            <numerusform>%1 of %n table selected, %2 rows.</numerusform>
            <numerusform>%1 of %n tables selected, %2 rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lifeboat::RestorePickPage</name>
    <message>
        <source>Choose a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the profile, the database and the point in time to restore. Verified backups have been restored and compared with their manifest before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles, their databases, and each database&apos;s backups, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an &amp;identity file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a backup whose key is not in this computer&apos;s keychain: the age identity file (AGE-SECRET-KEY-1…) of one of its recipients, e.g. a recovery kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1 of %2 at %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup %1, SHA-256 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the backups: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups to restore yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a backup (a point in time under a database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading backup %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypted with the identity file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted with the passphrase of %1, read from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted: decrypted with the key of %1 in the keychain, or an identity file you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted, and its profile is gone: choose an identity file that decrypts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an age identity file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DAMAGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integrity ok %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integrity check on %1 found this backup damaged, so it will not restore: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::RestorePreflightPage</name>
    <message>
        <source>Pre-flight checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the target server has to offer this restore. Nothing has been changed there yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-flight check results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to restore: Start restore begins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore cannot go ahead: %1 Go back to change the target or the options, or fix the server and check again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreReportPage</name>
    <message>
        <source>Restore report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows restored compared with the backup&apos;s manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows in the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>psql command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIFFERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; was restored on %2 in %3: %4 table(s), %5 rows, all matching the backup&apos;s manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore did not succeed (%1 table(s) differ): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was restored, compared with the backup&apos;s manifest, and how to connect to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreRunPage</name>
    <message>
        <source>Restoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the restore: a new database is dropped, a replaced one is put back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring backup %1 of %2 into &apos;%3&apos; on %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore finished. Next shows the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreTargetPage</name>
    <message>
        <source>Where to restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new database leaves everything else as it is. Replacing a database takes a safety backup of it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new database on &amp;another server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection URI of the other server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A URI, keyword string or service name, without a password: libpq finds it in ~/.pgpass, PGPASSWORD or the service file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the database to restore into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name of the database to replace again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type its name again to &amp;confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;new database on %1 (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace an existing database on %1 (a safety backup of it is taken first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the database to restore into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the other server&apos;s connection URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name of the database to replace, %1, again to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;new database on the backup&apos;s server (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace an existing database (a safety backup of it is taken first)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::RestoreWizard</name>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore wizard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A restore is in progress in the wizard: finish or cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::RunTableModel</name>
    <message>
        <source>%1 so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1, started %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::SchedulesView</name>
    <message>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catch-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile has a schedule. Give one a schedule in its editor (Edit… on the dashboard), e.g. every day at 02:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed run pending: starts %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheduler not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule of %1 enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule of %1 switched on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule of %1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schedule of %1 was not changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::TrayIcon</name>
    <message>
        <source>&amp;Back up all now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Lifeboat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifeboat — cannot read the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifeboat — no profiles yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Lifeboat — all %n profile(s) healthy</source>
        <translation>
            <numerusform>Lifeboat — %n profile, healthy</numerusform>
            <numerusform>Lifeboat — all %n profiles healthy</numerusform>
        </translation>
    </message>
    <message>
        <source>Lifeboat
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifeboat: the %1 of %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lifeboat::WelcomePage</name>
    <message>
        <source>Welcome to Lifeboat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifeboat backs up PostgreSQL databases, encrypted, to folders and S3 buckets — and proves that they restore. Choose a server to set up your first backup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL servers found on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for PostgreSQL servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set up a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — found in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server found here (no PG* variables, ~/.pgpass, pg_service.conf or local socket). Set up a backup and type the server&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) found. Select one and choose Set up a backup.</source>
        <translation>
            <numerusform>%n server found. Select it and choose Set up a backup.</numerusform>
            <numerusform>%n servers found. Select one and choose Set up a backup.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Back up PostgreSQL databases and prove that they restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep settings and catalog in DIR (also: LIFEBOAT_CONFIG_DIR).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
