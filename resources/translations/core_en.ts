<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
    <context>
        <name>messages</name>
        <message>
            <source>no chain named {name!r} (see `asyncops chain list`)</source>
            <comment>chain.not_found</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>chain {chain!r}: no profile named {name!r} (save it with `asyncops profile save`)</source>
            <comment>chain.profile_unknown</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>chain {name} removed</source>
            <comment>cli.chain_removed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>chain {name}: run #{run}, {n:plural:job|jobs} {ids:list}</source>
            <comment>cli.chain_run</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>chain {name} saved ({steps:list})</source>
            <comment>cli.chain_saved</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>chain {name} saved ({steps:list}); next run at {when:time}</source>
            <comment>cli.chain_saved_next</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no chains; save one with: asyncops chain save NAME PROFILE [PROFILE …]</source>
            <comment>cli.no_chains</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no profiles; save one with: asyncops profile save NAME OP -p KEY=VALUE</source>
            <comment>cli.no_profiles</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job {id}: priority {priority}</source>
            <comment>cli.priority_set</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>profile {name} removed</source>
            <comment>cli.profile_removed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>profile {name} saved</source>
            <comment>cli.profile_saved</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>profile {name} saved; next run at {when:time}</source>
            <comment>cli.profile_saved_next</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>retried {n} failed {n:plural:job|jobs}</source>
            <comment>cli.retried</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no failed job to retry</source>
            <comment>cli.retried_none</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>retry: --operation and --since go with --failed</source>
            <comment>cli.retry_filters_alone</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>retry: give a job ID or --failed, not both</source>
            <comment>cli.retry_job_and_failed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>retry: give a job ID, or --failed to retry every failed job</source>
            <comment>cli.retry_needs_job</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--catch-up {value!r}: use none or one</source>
            <comment>cron.catch_up</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--schedule {expr!r} is not a cron expression of 5 fields (minute hour day month weekday)</source>
            <comment>cron.invalid</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--after and --at cannot be combined: a job that waits for others starts when they end</source>
            <comment>flow.after_at</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--after {id}: job #{id} already waits for job #{job}: that would be a cycle</source>
            <comment>flow.after_cycle</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--after {id}: job #{id} belongs to another user: not allowed</source>
            <comment>flow.after_foreign</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--after {id}: there is no job #{id}</source>
            <comment>flow.after_unknown</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not run: job #{id}, which it waited for, ended {status}</source>
            <comment>flow.parent_failed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not run: job #{id}, which it waited for, was removed</source>
            <comment>flow.parent_removed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--run-anyway needs --after: it says what to do when a job waited for fails</source>
            <comment>flow.run_anyway_alone</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a job id or link (a number such as 12, or asyncops://job/12)</source>
            <comment>job.bad_ref</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{operation} has no dry run</source>
            <comment>job.no_dry_run</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the start time {when:time} is in the past: leave it empty to start now</source>
            <comment>launch.at_past</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown operation '{name}' (known: {known})</source>
            <comment>op.unknown</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>item {index} is {value}: each item must be text or a number</source>
            <comment>param.bad_item</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a JSON array such as {example}</source>
            <comment>param.expected_array</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected true or false, not {value}</source>
            <comment>param.expected_bool</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>must be one of {choices:list}, not {value}</source>
            <comment>param.expected_choice</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a whole number, not {value}</source>
            <comment>param.expected_int</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a finite number, not {value}</source>
            <comment>param.expected_number</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a JSON object</source>
            <comment>param.expected_object</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected text, got {got}</source>
            <comment>param.expected_text</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected {type}: {detail}</source>
            <comment>param.expected_type</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>parameter '{param}': {detail}</source>
            <comment>param.invalid</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>is required</source>
            <comment>param.required</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>must be at most {maximum}, not {value}</source>
            <comment>param.too_large</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>must be at least {minimum}, not {value}</source>
            <comment>param.too_small</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>runs in the background: above the threshold ({items:list})</source>
            <comment>plan.above</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>goes to its queue: a queue or a start time was chosen</source>
            <comment>plan.chosen_queue</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>runs now: the operation has no threshold</source>
            <comment>plan.no_threshold_now</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>goes to its queue: the operation has no threshold</source>
            <comment>plan.no_threshold_queue</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>runs now: under the thresholds ({items:list})</source>
            <comment>plan.under</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} is {status}: only a queued or scheduled job can be re-ordered</source>
            <comment>priority.not_waiting</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{kind} name {name!r}: use letters, digits, '.', '_' or '-' (at most 100 characters)</source>
            <comment>profile.bad_name</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>profile {name!r} is a step of chain {chain!r}: remove the chain first</source>
            <comment>profile.in_chain</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no profile named {name!r} (see `asyncops profile list`)</source>
            <comment>profile.not_found</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--queue: no queue named {queue!r} (queues: {queues:list})</source>
            <comment>profile.queue_unknown</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--since {text!r}: use a duration such as 30m, 12h, 2d or 1w</source>
            <comment>retry.bad_since</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} not retried: {reason}</source>
            <comment>retry.skipped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--operation {name!r}: no such operation (see `asyncops operations`)</source>
            <comment>retry.unknown_operation</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} ({operation}) cannot be undone</source>
            <comment>undo.impossible</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo #{id}: {label}</source>
            <comment>undo.label</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} is {status}: only a finished job can be undone</source>
            <comment>undo.not_finished</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{user} is not an admin: not allowed</source>
            <comment>users.not_admin</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waits for job #{id}</source>
            <comment>wait.after</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waits for job #{id} and {more} more</source>
            <comment>wait.after_more</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>next in queue</source>
            <comment>wait.next</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no engine is running for this queue (open asyncops or start `asyncops worker`)</source>
            <comment>wait.no_engine</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no worker is running for this queue (start `asyncops worker`)</source>
            <comment>wait.no_worker</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue full ({running}/{capacity} running)</source>
            <comment>wait.queue_full</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue {queue} no longer exists</source>
            <comment>wait.queue_gone</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue {queue} paused</source>
            <comment>wait.queue_paused</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>retry {attempt}/{attempts} at {when:time}</source>
            <comment>wait.retry</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>scheduled for {when:time}</source>
            <comment>wait.scheduled</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>operations</name>
        <message>
            <source>ordered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>parallel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Command</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run a program or a shell line in the background. Each line of stdout and stderr goes to the job log; lines matching the warning pattern count as warnings; exit code 0 succeeds, anything else fails. A line 'PROGRESS done/total' moves the progress bar.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Argv</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the program and its arguments, as a JSON array: ["sh","-c","echo hi"]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cmd</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a command line (split like a shell does, or run by /bin/sh with shell=true)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>run cmd through /bin/sh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cwd</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>working folder (default: the engine's)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Env</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>extra environment variables, as a JSON object: {"LANG":"C"}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning pattern</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>regular expression of warning lines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progress pattern</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>regular expression with groups done and total</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>seconds between SIGTERM and SIGKILL when stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete files and folders of a library: into the trash (restorable, undo brings them back) or permanently. References from other files to what is deleted are reported as warnings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>assets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the library's name (see: asyncops library list)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paths</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>files and folders, relative to the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Permanent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>delete for good instead of moving to the trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Download URLs into a library folder, several at a time, resuming partial downloads (HTTP Range), checking checksums when given; the files are indexed when done.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>urls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the library folder to download into</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Urls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the URLs (http or https)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Url file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a file with one URL a line, optionally followed by a checksum (sha256:HEX); blank lines and # comments are ignored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checksums</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected checksums by URL: {"https://…/a.zip": "sha256:…"}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parallel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>downloads at a time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overwrite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>replace files that already exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Timeout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>seconds without data before a download fails</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mass edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set or clear a property, add or remove tags, on every asset that matches a filter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>terms, all of which must match: folder:PATH glob:*.jpg tag:NAME type:image/* KEY=VALUE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KEY=VALUE (KEY may be typed: rating{{Long}}=5), or a JSON object {"KEY": VALUE}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>properties to clear</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>tags to add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>tags to remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export metadata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the metadata of a folder's assets (optionally with subfolders; all or chosen properties) to a CSV file with typed headers, streamed in constant memory.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the folder (default: the library root)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the CSV file to write (replaced when complete)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subfolders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>include the assets of subfolders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Properties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>only these properties, e.g. dc:title,cq:tags,client{{Long}} (default: all of them)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Separator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>field separator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Multi delimiter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>between the values of a multi-value property</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>for spreadsheets: a byte-order mark and ';' as separator (unless separator is given)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Path column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>name of the path column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import metadata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read asset metadata from a CSV file (path column and typed headers, as written by metadata-export) and apply good rows in transactional batches; unknown paths, bad values and malformed lines are reported as warnings with their line and column.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Input</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the CSV file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the column with the asset path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Batch size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rows per transaction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move files and folders into another folder of the library, keeping their names. The catalogue follows and every document that referred to a moved file is rewritten so its links still resolve. Resumable: a move cut short is completed by resuming or running it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>references</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>files and folders to move, relative to the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Destination</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the folder they go into (created when missing)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On clash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>when the destination already has an item of that name: refuse the move (nothing moves), overwrite it (the old one goes to the trash) or rename the moved item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>refuse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>overwrite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rename</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pairs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>explicit moves instead of paths+destination: [["old/a.md", "new/b.md"], ...] (used by undo)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore from trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bring files and folders deleted to the trash back to their place (the undo of a delete).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>what to restore: [{"path": "docs/a.md", "trash": "/home/me/.local/share/Trash/files/a.md"}]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Index a library: every file and folder, the metadata of each asset and the references between files (Markdown, HTML, CSS). A re-scan only reads what changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>only this folder of the library (default: all of it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Force</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>re-read every file, changed or not</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>