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
            <source>{text!r} is out of range: give a number from {lo} to {hi}</source>
            <comment>cli.out_of_range</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job {id}: pause requested, still {status} (it pauses at its next item)</source>
            <comment>cli.pause_requested</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job {id}: {status}</source>
            <comment>cli.paused</comment>
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
            <source>job {id}: resume requested, still {status}</source>
            <comment>cli.resume_requested</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job {id}: {status}</source>
            <comment>cli.resumed</comment>
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
            <source>values must be text or numbers</source>
            <comment>command.bad_env</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not an environment variable name: {names:list} (letters, digits and _, not first a digit)</source>
            <comment>command.bad_env_name</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a valid regular expression: {error}</source>
            <comment>command.bad_pattern</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot split the command line: {error}</source>
            <comment>command.cannot_split</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot start {program}: {reason}</source>
            <comment>command.cannot_start</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>is empty</source>
            <comment>command.empty</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>exit code {exit_code}</source>
            <comment>command.exit_code</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>exited with code {exit_code}</source>
            <comment>command.exited</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the program exited leaving {n} {n:plural:process|processes} of its process group running: ending {n:plural:it|them} (SIGTERM, then SIGKILL after {grace:g}s)</source>
            <comment>command.leftovers</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} of them ignored SIGTERM for {grace:g}s: sent SIGKILL to the process group</source>
            <comment>command.leftovers_killed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} output {n:plural:line|lines} could not be logged ({error})</source>
            <comment>command.lines_lost</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is not a folder</source>
            <comment>command.not_a_folder</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>program not found: {program}</source>
            <comment>command.not_found</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>give exactly one of argv or cmd</source>
            <comment>command.one_of</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>shell=true needs cmd (a command line), not argv</source>
            <comment>command.shell_needs_cmd</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} {n:plural:process|processes} ignored SIGTERM for {grace:g}s: sending SIGKILL</source>
            <comment>command.sigkill</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sending SIGTERM to {n} {n:plural:process|processes}</source>
            <comment>command.sigterm</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>$ {command}</source>
            <comment>command.started</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stopped: the program ended with code {exit_code}</source>
            <comment>command.stopped_code</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stopped: the program ended by signal {signal}</source>
            <comment>command.stopped_signal</comment>
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
            <source>line {line}: not UTF-8 text ({reason}); not read</source>
            <comment>csv.encoding</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>lines {start}–{end}: line {line} of this record is not UTF-8 text; not read</source>
            <comment>csv.encoding_in_record</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>lines {start}–{end}: malformed CSV ({reason}); not read</source>
            <comment>csv.malformed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line {start}: malformed CSV ({reason}); not read</source>
            <comment>csv.malformed_line</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a quote opened on line {start} is never closed: lines {start}–{end} not read</source>
            <comment>csv.unclosed_quote</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{url} is an in-memory database: the jobs written there vanish when the command ends; a job store must be a file: give a file path, e.g. --db ~/asyncops.db</source>
            <comment>db.in_memory</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is not a regular file (a pipe, device or socket): name a database file</source>
            <comment>db.not_a_file</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{source} line {line} refers to {target} ({link!r}), which is deleted</source>
            <comment>delete.broken_ref</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot delete: {reason}</source>
            <comment>delete.cannot</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deleted {deleted} of {n} {n:plural:item|items} {where}: {files} {files:plural:file|files}, {folders} {folders:plural:folder|folders}</source>
            <comment>delete.done</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing was deleted: {paths:list}</source>
            <comment>delete.none</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stopped: the remaining items were not deleted</source>
            <comment>delete.stopped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>permanently</source>
            <comment>delete.where_permanent</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>to the trash</source>
            <comment>delete.where_trash</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>would delete {files} {files:plural:file|files} and {folders} {folders:plural:folder|folders} {where}; {references} {references:plural:reference|references} from other files would break</source>
            <comment>delete.would</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>delete {path}</source>
            <comment>delete.would_item</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>still running when its engine's shutdown grace of {grace:g}s ran out</source>
            <comment>engine.grace_over</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>its engine shut down: ended its process group {pgid} ({signal})</source>
            <comment>engine.group_ended</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>its engine shut down: ended its process group {pgid} ({n} {n:plural:process|processes} still running {after:g}s after SIGTERM: SIGKILL)</source>
            <comment>engine.group_killed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>failed: {reason}</source>
            <comment>engine.op_failed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>attempt {attempt} failed ({reason}); retrying in {delay:g}s</source>
            <comment>engine.retrying</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{traceback}</source>
            <comment>engine.traceback</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a checksum such as sha256:0123abcd… (algorithms: {algorithms:list})</source>
            <comment>fetch.bad_checksum</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{url}: expected text such as sha256:…</source>
            <comment>fetch.bad_checksum_value</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line {line}: expected URL [CHECKSUM], not {text!r}</source>
            <comment>fetch.bad_line</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unexpected Content-Range {range!r}; downloading again from the start</source>
            <comment>fetch.bad_range</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot connect: {reason}</source>
            <comment>fetch.cannot_connect</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>checksum mismatch: expected {expected}, got {got}; the download was discarded</source>
            <comment>fetch.checksum</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>download cut off after {bytes} bytes: {reason}; run again to resume</source>
            <comment>fetch.cut_off</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the total deadline passed: the downloads still running were stopped</source>
            <comment>fetch.deadline</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{downloaded} downloaded ({bytes} bytes), {skipped} skipped, {failed} failed</source>
            <comment>fetch.done</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>downloaded {name} ({bytes} bytes)</source>
            <comment>fetch.downloaded</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} already exists; skipped (overwrite=true replaces it)</source>
            <comment>fetch.exists</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} exists with another checksum; not replaced (overwrite=true replaces it)</source>
            <comment>fetch.exists_other</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>failed: {reason}</source>
            <comment>fetch.failed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP {status} {reason}</source>
            <comment>fetch.http</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>incomplete: {written} of {expected} bytes; run again to resume</source>
            <comment>fetch.incomplete</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no URL given</source>
            <comment>fetch.no_url</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r} is a file, not a folder</source>
            <comment>fetch.not_folder</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{url!r} is not an http(s) URL</source>
            <comment>fetch.not_http</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(exists: replaced)</source>
            <comment>fetch.note_replaced</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(partly downloaded: resumed)</source>
            <comment>fetch.note_resumed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(exists: skipped)</source>
            <comment>fetch.note_skipped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>give exactly one of urls or url_file</source>
            <comment>fetch.one_of</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} was not a partial download of ours (a link or a folder); removed, starting over</source>
            <comment>fetch.part_replaced</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the server ignored the range request; downloading again from the start</source>
            <comment>fetch.range_ignored</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} replaced</source>
            <comment>fetch.replaced</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>resuming at byte {offset}</source>
            <comment>fetch.resuming</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>redirected to {url}: only http and https are followed</source>
            <comment>fetch.scheme</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>larger than max_bytes ({max_bytes} bytes); the download was stopped</source>
            <comment>fetch.too_big</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} is the name of the library's trash folder; not downloaded into the root</source>
            <comment>fetch.trash_name</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot read {path}: {reason}</source>
            <comment>fetch.unreadable_list</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>would download {n} {n:plural:URL|URLs} into /{folder} ({existing} already there)</source>
            <comment>fetch.would</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{url} → {path}</source>
            <comment>fetch.would_item</comment>
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
            <source>job #{id} has already finished ({status})</source>
            <comment>job.already_finished</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--at: {text!r} is beyond the dates asyncops can keep (years 1 to 9999, in UTC)</source>
            <comment>job.at_out_of_range</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>attempt {attempt}/{attempts} failed: {reason}</source>
            <comment>job.attempt_failed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--at: {text!r} is not an ISO-8601 time such as 2026-12-01T18:30</source>
            <comment>job.bad_at</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--queue: no queue named '{queue}' (queues: {names})</source>
            <comment>job.bad_queue</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a job id or link (a number such as 12, or asyncops://job/12)</source>
            <comment>job.bad_ref</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot sort by '{key}' (keys: {keys:list})</source>
            <comment>job.bad_sort</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>finished with {n} {n:plural:error|errors}</source>
            <comment>job.finished_with_errors</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} belongs to another user: not allowed</source>
            <comment>job.foreign</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>interrupted: the engine running it stopped unexpectedly</source>
            <comment>job.interrupted_dead_engine</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>interrupted: its engine shut down</source>
            <comment>job.interrupted_shutdown</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} log {n:plural:line was|lines were} dropped while the database refused writes ({error})</source>
            <comment>job.lines_dropped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{operation} has no dry run</source>
            <comment>job.no_dry_run</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no job #{id}</source>
            <comment>job.not_found</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{type}: {error}</source>
            <comment>job.raised</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} is {status}: stop it first, then remove it</source>
            <comment>job.remove_running</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} started meanwhile: stop it first, then remove it</source>
            <comment>job.remove_started</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queued again: the engine running it stopped unexpectedly</source>
            <comment>job.requeued_dead_engine</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queued again: its engine shut down</source>
            <comment>job.requeued_shutdown</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} is {status}: only a finished job can be retried</source>
            <comment>job.retry_unfinished</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stopped by request</source>
            <comment>job.stopped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this engine does not have the operation {operation}</source>
            <comment>job.unknown_operation</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>asyncops could not record the outcome: {type}: {error}</source>
            <comment>job.unrecordable</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete {path} · {library}</source>
            <comment>label.delete</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete {n} {n:plural:item|items} · {library}</source>
            <comment>label.delete_many</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete {path} permanently · {library}</source>
            <comment>label.delete_permanently</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete {n} {n:plural:item|items} permanently · {library}</source>
            <comment>label.delete_permanently_many</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetch {n} {n:plural:URL|URLs} → /{folder} · {library}</source>
            <comment>label.fetch</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fetch the URLs of {file} → /{folder} · {library}</source>
            <comment>label.fetch_file</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mass edit {filter} · {library}</source>
            <comment>label.mass_edit</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export metadata of /{folder} → {file}</source>
            <comment>label.metadata_export</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import metadata from {file} · {library}</source>
            <comment>label.metadata_import</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move {path} → {destination} · {library}</source>
            <comment>label.move</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move {n} {n:plural:item|items} → {destination} · {library}</source>
            <comment>label.move_many</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move {n} {n:plural:item|items} · {library}</source>
            <comment>label.move_pairs</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore from trash · {library}</source>
            <comment>label.restore</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan · {library}</source>
            <comment>label.scan</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write metadata into files of /{folder} · {library}</source>
            <comment>label.writeback</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo metadata write-back #{job} · {library}</source>
            <comment>label.writeback_undo</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the start time {when:time} is in the past: leave it empty to start now</source>
            <comment>launch.at_past</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>library {name!r} added: {root}; index it with: asyncops run scan -p library={name}</source>
            <comment>library.added</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>library add: {name!r} is not a valid name (letters, digits, space, . @ + - _; at most 200 characters)</source>
            <comment>library.bad_name</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{field}: the file now says {file_value!r}, the catalogue keeps the edit {edit_value!r} (scan -p prefer=file takes the file's value)</source>
            <comment>library.edit_conflict</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{field}: the file's value {file_value!r} replaces the edit {edit_value!r}</source>
            <comment>library.edit_dropped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} exists again; not overwritten</source>
            <comment>library.exists_again</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r} is in the library's trash folder {trash}: not allowed (restore brings back what a delete put there)</source>
            <comment>library.in_trash</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r} is the library root itself: not allowed</source>
            <comment>library.is_root</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: a symbolic link or a file stands where a folder is expected; not followed</source>
            <comment>library.jail_link</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r} leaves the library root: not allowed</source>
            <comment>library.leaves_root</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>library add: {path} does not exist</source>
            <comment>library.missing</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>library add: a library named {name!r} already exists ({root})</source>
            <comment>library.name_taken</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no libraries; add one with: asyncops library add PATH [--name NAME]</source>
            <comment>library.none</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none; add one with: asyncops library add PATH</source>
            <comment>library.none_yet</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a path, got {type}</source>
            <comment>library.not_a_path</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>library add: {path} is not a folder</source>
            <comment>library.not_folder</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is not valid UTF-8: such a name is never catalogued (scan warns about it); rename it to act on it</source>
            <comment>library.not_utf8</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r} contains a NUL character</source>
            <comment>library.nul</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>library add: {root} overlaps the library {name!r} ({other}); libraries may not contain one another</source>
            <comment>library.overlaps</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r} does not exist in the library {name!r}</source>
            <comment>library.path_missing</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>parameter {param!r}: {detail}</source>
            <comment>library.path_param</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>library {name!r} removed ({n} catalogue {n:plural:entry|entries} forgotten; no file was touched)</source>
            <comment>library.removed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>library {name!r}: its folder {root} is now a symbolic link or is reached through one (it leads to {target}); links are never followed: nothing in it was read or changed</source>
            <comment>library.root_link</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>library {name!r}: its folder {root} is missing (mounted? moved?)</source>
            <comment>library.root_missing</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>library add: {root} is already the library {name!r}</source>
            <comment>library.same_root</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r} goes through a symbolic link that leaves the library: not allowed</source>
            <comment>library.through_link</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{entry} is no longer in the trash</source>
            <comment>library.trash_gone</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the trash entry {entry} holds {recorded}, put there by job #{job}; not restored here</source>
            <comment>library.trash_other</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{entry} is not an entry of this library's trash</source>
            <comment>library.trash_unknown</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>parameter {param!r}: no library named {name!r} (libraries: {known})</source>
            <comment>library.unknown</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot split {text!r}: {reason}</source>
            <comment>mass.bad_filter_text</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not valid JSON: {reason}</source>
            <comment>mass.bad_json</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected KEY=VALUE, not {text!r}</source>
            <comment>mass.bad_set</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a JSON object: {reason}</source>
            <comment>mass.bad_set_json</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{term!r}: expected folder:PATH, glob:PATTERN, tag:NAME, type:MEDIA or PROPERTY=VALUE</source>
            <comment>mass.bad_term</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{matched} {matched:plural:asset|assets} matched, {changed} changed</source>
            <comment>mass.done</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no asset matches {filter!r}</source>
            <comment>mass.no_match</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing to do: give set, clear, add_tags or remove_tags</source>
            <comment>mass.nothing</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stopped after {changed} {changed:plural:change|changes}</source>
            <comment>mass.stopped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown filter {kind!r} (folder, glob, tag, type or PROPERTY=VALUE)</source>
            <comment>mass.unknown_filter</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{matched} {matched:plural:asset matches|assets match}; {changed} would change</source>
            <comment>mass.would</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>must be non-empty, without newline or backslash, not {value!r}</source>
            <comment>meta.bad_delimiter</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>must be an absolute repository path such as /content/dam, not {value!r}</source>
            <comment>meta.bad_prefix</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>must be one character (not a quote or a newline), not {value!r}</source>
            <comment>meta.bad_separator</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: {field}: {before} → {after}</source>
            <comment>meta.diff</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>… and {n} more {n:plural:change|changes} ({fields})</source>
            <comment>meta.diff_more</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>clears it</source>
            <comment>meta.empty_clear</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>leaves the value unchanged</source>
            <comment>meta.empty_keep</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>columns: {columns:list}</source>
            <comment>meta.export_columns</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}: some values hold the multi-value delimiter {delimiter!r}; they are written as they are and will read back as several values</source>
            <comment>meta.export_delimiter</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>wrote {n} {n:plural:asset|assets} and {columns} {columns:plural:column|columns} to {output}</source>
            <comment>meta.export_done</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is a folder</source>
            <comment>meta.export_is_folder</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the folder {path} does not exist</source>
            <comment>meta.export_no_folder</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r} is not a folder</source>
            <comment>meta.export_not_folder</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stopped after {n} {n:plural:asset|assets}; {output} was not written</source>
            <comment>meta.export_stopped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>property {name} has different types on different assets; exported as {header}</source>
            <comment>meta.export_type_conflict</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>would write {n} {n:plural:asset|assets} with {columns} {columns:plural:column|columns} to {output}</source>
            <comment>meta.export_would</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line {line}, column {column}: {reason}; this cell is not applied</source>
            <comment>meta.import_bad_cell</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line {line}, column {column}: {reason}; skipped</source>
            <comment>meta.import_bad_path</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line 1, column {n}: {reason}; the column is ignored</source>
            <comment>meta.import_column_ignored</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line 1, column {n}: {reason}</source>
            <comment>meta.import_column_note</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{rows} {rows:plural:row|rows}: {changed} changed, {unchanged} unchanged, {skipped} skipped, {unreadable} {unreadable:plural:record|records} not readable</source>
            <comment>meta.import_done</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line 1, column {n}: {name} appears twice</source>
            <comment>meta.import_dup_column</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the path column {column!r} appears more than once (columns {positions:list})</source>
            <comment>meta.import_dup_path_column</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is empty (expected a header line)</source>
            <comment>meta.import_empty</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{lines} {lines:plural:line|lines} of {name} could not be read; {changed} {changed:plural:asset|assets} changed by the rows that could (listed in the result)</source>
            <comment>meta.import_incomplete</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{column!r} is not a column of {name} (columns: {columns:list}){hint}</source>
            <comment>meta.import_no_path_column</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line {line}, column {column}: {path!r} is not in the library {library!r}; skipped</source>
            <comment>meta.import_not_in_library</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line {line}, column {column}: {path!r} is not under {prefix}; skipped</source>
            <comment>meta.import_outside_prefix</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>column {header} is read-only (a fact of the file); ignored</source>
            <comment>meta.import_read_only</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>; is the separator {separator!r}? (-p separator=…)</source>
            <comment>meta.import_separator_hint</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stopped after line {line}: the rows before it were applied</source>
            <comment>meta.import_stopped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot read {path}: {reason}</source>
            <comment>meta.import_unreadable_file</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line {line}: {n} {n:plural:field|fields} where the header has {width}; skipped</source>
            <comment>meta.import_width</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>would change {changed} of {rows} {rows:plural:row|rows} ({unchanged} unchanged, {skipped} skipped with a warning, {unreadable} {unreadable:plural:record|records} not readable)</source>
            <comment>meta.import_would</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>column {column}: {type}, several values separated by {delimiter!r}; an empty cell {empty}</source>
            <comment>meta.reading_multi</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>column {column}: {type}, one value; an empty cell {empty}</source>
            <comment>meta.reading_single</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>must differ from the separator {separator!r}</source>
            <comment>meta.same_delimiter</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{dst} appeared while moving {src} there; plan {plan} was refused and forgotten: move it away and run the move again</source>
            <comment>move.appeared</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a JSON array of ["from", "to"] pairs</source>
            <comment>move.bad_pairs</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{where!r}: a job moves to the top, up, down or to the bottom ({moves:list})</source>
            <comment>move.bad_where</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>move job #{job} has an unfinished move on this library and is still running or waiting to run; this move was refused: run it again once that job has finished</source>
            <comment>move.busy</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>changed since the move was planned: its links were not rewritten</source>
            <comment>move.changed_since</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r} already exists: nothing was moved (choose on_clash=overwrite or on_clash=rename)</source>
            <comment>move.clash</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>completing the interrupted move of job #{job} first</source>
            <comment>move.completing_other</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>completing the interrupted run of this move (job #{job})</source>
            <comment>move.completing_same</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>is required with paths</source>
            <comment>move.destination_required</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>moved {items} {items:plural:item|items}; rewrote {links} {links:plural:link|links} in {documents} {documents:plural:document|documents}</source>
            <comment>move.done</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot move {src!r} into itself ({dst!r})</source>
            <comment>move.into_itself</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{src} is neither at its place nor at {dst}; plan {plan} was refused and forgotten</source>
            <comment>move.lost</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>… and {n} more</source>
            <comment>move.more</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path!r} is a file, not a folder</source>
            <comment>move.not_folder</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} is {status}: only a queued job can be moved in its queue</source>
            <comment>move.not_queued</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(overwrites the existing one, which goes to the trash)</source>
            <comment>move.overwrites</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>overwritten: the former {path} went to the trash</source>
            <comment>move.overwritten</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>give paths (with destination) or pairs, not both or neither</source>
            <comment>move.paths_or_pairs</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>plan {plan}: move {files} {files:plural:file|files}, {folders} {folders:plural:folder|folders} in {items} {items:plural:item|items}; rewrite {links} {links:plural:link|links} in {documents} {documents:plural:document|documents}</source>
            <comment>move.planned</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(renamed)</source>
            <comment>move.renamed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>resuming plan {plan}</source>
            <comment>move.resuming</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rewrote {n} {n:plural:link|links}</source>
            <comment>move.rewrote</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{doc} line {line}: {old} → {new}</source>
            <comment>move.sample</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>plan {plan} was refused and forgotten: {reason}</source>
            <comment>move.step_failed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stopped: plan {plan} is left unfinished; run the same move again to complete it</source>
            <comment>move.stopped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line {line}: cannot locate the link {link!r} to rewrite it; fix it by hand</source>
            <comment>move.unlocated</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot read it to fix its links: {reason}</source>
            <comment>move.unreadable</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>would move {files} {files:plural:file|files} and {folders} {folders:plural:folder|folders} in {items} {items:plural:item|items} and rewrite {links} {links:plural:link|links} in {documents} {documents:plural:document|documents}</source>
            <comment>move.would</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an interrupted run of this move (plan {plan}) would be completed</source>
            <comment>move.would_complete</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{src} → {dst}</source>
            <comment>move.would_pair</comment>
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
            <source>{operation} has no such parameter (it takes: {names})</source>
            <comment>param.unknown</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} is {status} and not asked to pause: there is nothing to resume</source>
            <comment>pause.not_paused</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} is {status}: only a running job can be paused</source>
            <comment>pause.not_running</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} runs {operation}, which this installation does not have</source>
            <comment>pause.unknown_operation</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{operation} cannot pause: it has no point between items where it could wait; stop it instead</source>
            <comment>pause.unsupported</comment>
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
            <source>process group {pgid} had already ended</source>
            <comment>process.already_ended</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>its process group {pgid} on {host} may still be running: recovery can only end processes of its own host</source>
            <comment>process.elsewhere</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ended the orphaned process group {pgid} left by the dead engine ({signal})</source>
            <comment>process.ended</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ended the orphaned process group {pgid} left by the dead engine (SIGKILL after {grace:g}s)</source>
            <comment>process.killed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no process to end</source>
            <comment>process.none</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>process {pid} is gone (its number now belongs to another program)</source>
            <comment>process.reused</comment>
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
            <source>purge.{name} must be 0 to 36500 days, not {value}</source>
            <comment>purge.bad_days</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>purge.keep must be 0 to 10000000 jobs, not {value}</source>
            <comment>purge.bad_keep</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>purge.time must be HH:MM (00:00 to 23:59), not '{value}'</source>
            <comment>purge.bad_time</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue {queue}: retry_delay must be 0 to 86400 seconds, not {value}</source>
            <comment>queue.bad_delay</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue {queue}: kind must be one of {kinds:list}, not '{kind}'</source>
            <comment>queue.bad_kind</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue name '{name}': use 1-100 letters, digits, '-' or '_'</source>
            <comment>queue.bad_name</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue {queue}: max_parallel must be between 1 and 256, not {value}</source>
            <comment>queue.bad_parallel</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue {queue}: retries must be between 0 and 100, not {value}</source>
            <comment>queue.bad_retries</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue {queue} still has unfinished jobs (for example #{job}); stop them first</source>
            <comment>queue.busy</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the default queue cannot be removed</source>
            <comment>queue.default_kept</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no queue named '{name}'</source>
            <comment>queue.not_found</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queue {queue}: unknown operation(s) {ops:list}</source>
            <comment>queue.unknown_ops</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>item {n}: expected an object with text fields path and trash</source>
            <comment>restore.bad_item</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected a non-empty JSON array of {{path, trash}} objects</source>
            <comment>restore.bad_items</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot restore: {reason}</source>
            <comment>restore.cannot</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>restored {restored} of {n} {n:plural:item|items}</source>
            <comment>restore.done</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: exists again, would not be overwritten</source>
            <comment>restore.exists</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: no longer in the trash</source>
            <comment>restore.gone</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing was restored</source>
            <comment>restore.none</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>would restore {ok} of {n} {n:plural:item|items}</source>
            <comment>restore.would</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>restore {path}</source>
            <comment>restore.would_item</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--since {text!r}: use a duration such as 30m, 12h, 2d or 1w</source>
            <comment>retry.bad_since</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{operation} has no items to retry one by one: `asyncops retry {id}` runs the whole job again</source>
            <comment>retry.items_unsupported</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id}: no item failed or was left undone, so there is nothing to retry</source>
            <comment>retry.none_failed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--since {text!r}: at most {days} days back</source>
            <comment>retry.since_too_long</comment>
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
            <source>the folder name {name} is not valid UTF-8: neither it nor anything in it is indexed (rename it to index it)</source>
            <comment>scan.bad_folder_name</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the file name {name} is not valid UTF-8: not indexed (rename it to index it)</source>
            <comment>scan.bad_name</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{files} {files:plural:file|files}, {folders} {folders:plural:folder|folders}: {added} added, {updated} updated, {removed} forgotten; {references} {references:plural:reference|references} in {documents} {documents:plural:document|documents}</source>
            <comment>scan.done</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot read the folder: {reason}</source>
            <comment>scan.folder_unreadable</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>line {line}: link {link!r} leaves the library; not followed</source>
            <comment>scan.link_outside</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>symbolic link not indexed (asyncops never follows links)</source>
            <comment>scan.link_skipped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{files} {files:plural:file|files} and {folders} {folders:plural:folder|folders} on disk</source>
            <comment>scan.on_disk</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>scanning {root}</source>
            <comment>scan.start</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot read: {reason}</source>
            <comment>scan.unreadable</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>scan of {library} would add {added}, update {updated} and forget {removed} entries ({unchanged} unchanged)</source>
            <comment>scan.would</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>threshold.{operation}.{item} must be 0 or more, not {value}</source>
            <comment>threshold.negative</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>threshold: {operation} counts no '{item}' (it counts: {counted})</source>
            <comment>threshold.unknown_item</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>threshold: unknown operation '{operation}'</source>
            <comment>threshold.unknown_op</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waited for job #{id} to end</source>
            <comment>timeline.after</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a slot was free in the queue {queue} ({running} of {capacity} running) but no engine took it: no engine was running</source>
            <comment>timeline.no_engine</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the queue {queue} was paused</source>
            <comment>timeline.paused</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the queue {queue} was full ({running} of {capacity} running)</source>
            <comment>timeline.queue_full</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>scheduled for {at:time}</source>
            <comment>timeline.scheduled</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting in the queue {queue}</source>
            <comment>timeline.waiting</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>job #{id} is already undone by job #{by} ({status}): undoing it again would act on what is there now</source>
            <comment>undo.done</comment>
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
            <source>{header!r}: {word!r} is not 'multi'</source>
            <comment>value.bad_multi</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{header!r}: Binary values cannot be imported from a CSV file</source>
            <comment>value.binary</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a finite Double (NaN, infinities and numbers beyond ±1.8e308 are not)</source>
            <comment>value.double_range</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>empty property name in {header!r}</source>
            <comment>value.empty_name</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} does not fit a Long (64 bits)</source>
            <comment>value.long_range</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>malformed header {header!r} (expected name{{{{Type}}}} or name{{{{Type: multi}}}})</source>
            <comment>value.malformed</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a Boolean (true or false)</source>
            <comment>value.not_boolean</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a Date (ISO-8601, such as 2024-05-01T10:00:00.000+00:00)</source>
            <comment>value.not_date</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a Decimal (a number)</source>
            <comment>value.not_decimal</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a Double (a number)</source>
            <comment>value.not_double</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{text!r} is not a Long (a whole number)</source>
            <comment>value.not_long</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} is read-only</source>
            <comment>value.read_only</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{header!r}: {name} holds one value; multiple values are joined</source>
            <comment>value.standard_multi</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{header!r}: {name} is {want}; read as {want}</source>
            <comment>value.standard_type</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown type {type!r} in {header!r} (types: {types:list})</source>
            <comment>value.unknown_type</comment>
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
        <message>
            <source>{path}: its front matter cannot be read (line {line}: {problem}); the file is not rewritten and its edits stay in the catalogue</source>
            <comment>writeback.bad_front_matter</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>expected the written list of a metadata-writeback result</source>
            <comment>writeback.bad_revert</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: this XMP sidecar cannot be read ({problem}); it is not rewritten and the edits stay in the catalogue</source>
            <comment>writeback.bad_xmp</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot write: {reason}</source>
            <comment>writeback.cannot</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} changed since the writeback; not restored (the file is kept as it is)</source>
            <comment>writeback.changed_not_restored</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} changed since it was written; not removed</source>
            <comment>writeback.changed_since</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: the property {name} would be read from {target} as the {field} field; not written, it stays an edit of the catalogue</source>
            <comment>writeback.clash</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>wrote the edits of {n} {n:plural:asset|assets} into {files} {files:plural:file|files}</source>
            <comment>writeback.done</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: its front matter is not a set of names and values; the file is not rewritten and its edits stay in the catalogue</source>
            <comment>writeback.front_matter_not_mapping</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is no longer there (moved or deleted since the writeback); not restored</source>
            <comment>writeback.gone</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: {fields:list} have no place in {target}; they stay edits of the catalogue</source>
            <comment>writeback.kept</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: {field} was edited after the writeback; that edit is kept</source>
            <comment>writeback.later_edit</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: its type keeps no metadata in the file; the edits stay in the catalogue</source>
            <comment>writeback.no_place</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing could be written</source>
            <comment>writeback.none</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>put back {n} {n:plural:file|files} as they were before job #{job}</source>
            <comment>writeback.reverted</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stopped: the remaining assets keep their edits in the catalogue only</source>
            <comment>writeback.stopped</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>would write the edits of {n} {n:plural:asset|assets} into their files</source>
            <comment>writeback.would</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path}: {fields:list} → {target}</source>
            <comment>writeback.would_item</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>wrote {fields:list} into {target}</source>
            <comment>writeback.wrote</comment>
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
            <source>Deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>seconds the whole job may take; the downloads still running then are stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Max bytes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>largest download accepted, in bytes</source>
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
            <source>for spreadsheets: a byte-order mark, ';' as separator (unless separator is given) and cells beginning with = + - @ shown as text (a leading ')</source>
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
            <source>Path prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>written before every asset path, e.g. /content/dam/mylib (default: paths start with /)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import metadata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read asset metadata from a CSV file in the DAM's format (path column and typed headers) and apply it in transactional batches; each value set is an edit that survives re-reading the file. Unreadable records fail the job (listing what was applied); bad cells are warnings naming their line and column.</source>
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
            <source>the column with the asset path (any case)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>repository prefix of the paths, stripped on import (e.g. /content/dam/mylib)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>an empty cell leaves the property unchanged (keep, as the DAM does) or clears it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>keep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>clear</source>
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
            <source>Write metadata into files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the values people set (import, mass edit) into the files themselves: front matter for Markdown, &lt;title&gt; and &lt;meta&gt; for HTML, XMP sidecars for media. Undo puts the files back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>only the assets of this folder (and below)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>used by undo: the files a writeback job wrote</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>used by undo: the writeback job to revert</source>
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
            <source>Restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>then bring back what a move overwrote: [{"path": …, "trash": ENTRY, "job": N}] (used by undo)</source>
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
            <source>what to restore: [{"path": "docs/a.md", "trash": "ENTRY"}] as the delete job's result names them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the delete job that put them in the trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scan library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Index a library: every file and folder, the metadata of each asset and the references between files (Markdown, HTML, CSS). A re-scan only reads what changed. Values a person set (import, mass edit) are kept; a file whose own value changed under one is warned about.</source>
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
        <message>
            <source>Prefer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>edits: keep a person's edit when the file's own value changed under it (warned); file: take every file's values over the edits (re-reads every file)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>edits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>file</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>