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
        <source>No backup profiles yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile says which PostgreSQL server and databases to back up, where the backups go, and who can decrypt them. Add one from a terminal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command that adds a profile</source>
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
    <message>
        <source>Make the age key pair with age-keygen and keep the private key somewhere safe: it is what decrypts the backups. Profiles added from the command line appear here within a few seconds; select one and choose Back up now.</source>
        <translation type="unfinished"></translation>
    </message>
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
