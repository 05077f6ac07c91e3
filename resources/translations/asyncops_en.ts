<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
    <context>
        <name>Actions</name>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="271" />
            <source>Start a new operation (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="272" />
            <source>Open a job from its link asyncops://job/ID (Ctrl+L)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="275" />
            <source>Select a job first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="285" />
            <location filename="../../desktop/jobs/presentation.py" line="337" />
            <source>Download the jobs listed (with the current filters) as CSV</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="292" />
            <source>Stop %n selected job(s)</source>
            <translation>
                <numerusform>Stop %n selected job</numerusform>
                <numerusform>Stop %n selected jobs</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="294" />
            <source>Already stopping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="296" />
            <source>Only active, queued or scheduled jobs can be stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="302" />
            <source>Show the details and log of job #%1 (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="305" />
            <source>Select a single job to see its details</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="310" />
            <source>Remove %n job(s) and their logs from the history</source>
            <translation>
                <numerusform>Remove %n job and their logs from the history</numerusform>
                <numerusform>Remove %n jobs and their logs from the history</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="315" />
            <source>Job #%1 is queued: stop it first, then remove it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="317" />
            <source>Job #%1 is still running: stop it first, then remove it</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="321" />
            <source>Run %n job(s) again with the same parameters</source>
            <translation>
                <numerusform>Run %n job again with the same parameters</numerusform>
                <numerusform>Run %n jobs again with the same parameters</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="323" />
            <source>Only finished jobs can be retried</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="326" />
            <source>Select a single finished job to undo it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="328" />
            <source>Only a finished job can be undone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="331" />
            <source>Reverse what job #%1 did (Ctrl+Z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="334" />
            <source>This operation's result cannot be undone</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="361" />
            <source>Pause %n selected job(s) at their next item</source>
            <translation>
                <numerusform>Pause %n selected job at its next item</numerusform>
                <numerusform>Pause %n selected jobs at their next item</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="363" />
            <source>This operation cannot pause: stop it instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="365" />
            <source>Already paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="367" />
            <source>Only running jobs can be paused</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="370" />
            <source>Resume %n paused job(s)</source>
            <translation>
                <numerusform>Resume %n paused job</numerusform>
                <numerusform>Resume %n paused jobs</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="372" />
            <source>Only paused jobs can be resumed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="418" />
            <source>Select queued jobs first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="420" />
            <source>Only queued jobs can be moved in their queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="422" />
            <source>Select jobs of one queue to move them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="426" />
            <source>Move before every other queued job of the queue %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="427" />
            <source>Move one place up in the queue %1 (Alt+Up)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="428" />
            <source>Move one place down in the queue %1 (Alt+Down)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <location filename="../../desktop/app.py" line="186" />
            <source>Queued jobs wait until an engine runs (asyncops worker). Details: %1 (see %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/app.py" line="189" />
            <source>The background engine could not start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChainDialog</name>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="38" />
            <source>New chain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="42" />
            <source>e.g. nightly</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="54" />
            <source>Add →</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="55" />
            <source>← Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="56" />
            <source>Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="57" />
            <source>Down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="69" />
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="72" />
            <source>cron, e.g. 0 2 * * 1-5 (empty: no schedule)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="76" />
            <source>Your profiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="76" />
            <source>Steps, in order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="88" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="89" />
            <source>Finally</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="90" />
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="93" />
            <source>A profile that runs after the steps whatever happened (a report, a clean-up)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="131" />
            <source>Give the chain a name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="134" />
            <source>Add at least one profile to the steps</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChainsPanel</name>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="58" />
            <source>Chains</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="75" />
            <source>No chains yet: a chain runs saved profiles one after the other, on a schedule or by hand; make one with New chain…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="80" />
            <source>Run chain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="81" />
            <source>New chain…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="82" />
            <source>Remove…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="99" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="100" />
            <source>Steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="101" />
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="102" />
            <source>Next run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="127" />
            <source>finally</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="188" />
            <source>Remove the chain %1? Its profiles and jobs stay.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="189" />
            <source>Remove chain</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConfigDialog</name>
        <message>
            <location filename="../../desktop/config/base.py" line="40" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/base.py" line="41" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Confirm</name>
        <message numerus="yes">
            <location filename="../../desktop/launch/confirm.py" line="37" />
            <source>Delete %n item(s) for good? They do not go to the trash.</source>
            <translation>
                <numerusform>Delete %n item for good? It does not go to the trash.</numerusform>
                <numerusform>Delete %n items for good? They do not go to the trash.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/launch/confirm.py" line="40" />
            <source>Move %n item(s) to the trash?</source>
            <translation>
                <numerusform>Move %n item to the trash?</numerusform>
                <numerusform>Move %n items to the trash?</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="43" />
            <source>Move and overwrite the items of the same name at the destination (they go to the trash)?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="48" />
            <source>Change every asset that matches “%1”?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="51" />
            <source>Apply the metadata of this file to the assets it names?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="54" />
            <source>Write the metadata into the files themselves?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="58" />
            <source>This run touches %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="60" />
            <source>Undo can reverse it once it has run.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="73" />
            <source>Confirm: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="76" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="79" />
            <source>Don't ask again for this kind of operation</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InboxPopup</name>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="483" />
            <source>Notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="484" />
            <source>Clear</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="485" />
            <source>No notifications</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobActions</name>
        <message>
            <location filename="../../desktop/services/actions.py" line="69" />
            <location filename="../../desktop/services/actions.py" line="82" />
            <source>Some jobs could not be stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="70" />
            <location filename="../../desktop/services/actions.py" line="85" />
            <source>Cannot stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="90" />
            <source>Some jobs could not be paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="91" />
            <source>Cannot pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="98" />
            <source>Some jobs could not be moved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="99" />
            <source>Cannot move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="105" />
            <source>Some jobs could not be resumed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="106" />
            <source>Cannot resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="112" />
            <source>Some jobs could not be removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="113" />
            <source>Cannot remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="126" />
            <source>Cannot retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="138" />
            <location filename="../../desktop/services/actions.py" line="147" />
            <source>Cannot undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="183" />
            <source>Cannot start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="195" />
            <location filename="../../desktop/services/actions.py" line="205" />
            <source>Cannot write the CSV file</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobDetailsWindow</name>
        <message>
            <location filename="../../desktop/details/window.py" line="336" />
            <source>Job #%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="338" />
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="339" />
            <source>Operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="340" />
            <source>Owner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="341" />
            <source>Queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="342" />
            <source>Attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="343" />
            <source>Workflow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="344" />
            <source>Link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="345" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="346" />
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="347" />
            <source>Scheduled for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="348" />
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="349" />
            <source>Finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="350" />
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="351" />
            <source>Items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="352" />
            <source>Warnings / errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="355" />
            <source>%1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="356" />
            <source>Overview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="356" />
            <source>Parameters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="356" />
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="356" />
            <source>Files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="359" />
            <source>All levels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="360" />
            <source>Info and above</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="361" />
            <source>Warnings and errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="362" />
            <source>Errors only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="366" />
            <source>Copy log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="367" />
            <source>Search the log…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="368" />
            <source>Log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="369" />
            <source>Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="370" />
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="371" />
            <source>Resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="372" />
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="373" />
            <source>Undo…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="374" />
            <source>Download CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="375" />
            <source>Copy link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="376" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="404" />
            <source>There is no job #%1 that you can see.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="426" />
            <source>%1 (priority %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="427" />
            <location filename="../../desktop/details/window.py" line="585" />
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="429" />
            <source>ran at once (under its threshold)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="442" />
            <source>(no parameters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="444" />
            <source>(no result yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="380" />
            <location filename="../../desktop/details/window.py" line="547" />
            <source>This job was removed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="431" />
            <source>follows job #%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="444" />
            <source>(no result)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/details/window.py" line="583" />
            <source>%n line(s)</source>
            <translation>
                <numerusform>%n line</numerusform>
                <numerusform>%n lines</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="613" />
            <source>Download CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="613" />
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobsModel</name>
        <message>
            <location filename="../../desktop/jobs/model.py" line="86" />
            <source>ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="87" />
            <source>Operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="88" />
            <source>Label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="89" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="90" />
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="91" />
            <source>Warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="92" />
            <source>Errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="93" />
            <source>Queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="94" />
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="95" />
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="96" />
            <source>Finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="97" />
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="98" />
            <source>Owner</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KeyValueView</name>
        <message>
            <location filename="../../desktop/details/kv.py" line="84" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/kv.py" line="84" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/kv.py" line="85" />
            <source>Copy as JSON</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LatestPanel</name>
        <message>
            <location filename="../../desktop/jobs/latest.py" line="217" />
            <source>Latest operations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/latest.py" line="218" />
            <source>Jobs you start appear here.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LogModel</name>
        <message>
            <location filename="../../desktop/details/log_model.py" line="66" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="66" />
            <source>Level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="66" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="66" />
            <source>Item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="71" />
            <source>Debug</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="72" />
            <source>Info</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="73" />
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="74" />
            <source>Error</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/main_window.py" line="111" />
            <source>Process Tracker — asyncops</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="117" />
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="118" />
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="119" />
            <source>Queued or scheduled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="120" />
            <source>Succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="121" />
            <source>Failed or interrupted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="122" />
            <source>Stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="126" />
            <source>All operations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="127" />
            <source>Any origin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="128" />
            <source>Started by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="129" />
            <source>Started by a schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="132" />
            <location filename="../../desktop/main_window.py" line="392" />
            <source>Profile %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="169" />
            <source>Search label, operation, description…  (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="175" />
            <source>All users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="176" />
            <source>Show the jobs of every user (administrators)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="178" />
            <source>Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="179" />
            <source>Operation:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="253" />
            <source>Loading the job history…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="287" />
            <source>Offline: cannot reach the database, retrying</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="449" />
            <source>Cannot read the job list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="460" />
            <source>No operations yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="463" />
            <source>Bulk deletes, moves, imports, exports and other long operations you start appear here, with their progress, warnings and errors. Start one with New operation, or from the command line with “asyncops submit”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="468" />
            <source>New operation…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="470" />
            <source>No job matches these filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="471" />
            <source>Change the status, operation or search, or clear the filters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="472" />
            <source>Clear filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="551" />
            <source>Quit and s&amp;top jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="556" />
            <source>&amp;Pause all queues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="558" />
            <source>R&amp;esume all queues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="563" />
            <source>&amp;New operation…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="582" />
            <source>%n queue(s) paused: running jobs finish, nothing new starts</source>
            <translation>
                <numerusform>%n queue paused: running jobs finish, nothing new starts</numerusform>
                <numerusform>%n queues paused: running jobs finish, nothing new starts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="584" />
            <source>%n queue(s) resumed</source>
            <translation>
                <numerusform>%n queue resumed</numerusform>
                <numerusform>%n queues resumed</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="585" />
            <location filename="../../desktop/main_window.py" line="591" />
            <source>Queues</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="614" />
            <source>%n job(s) keep running in the background; asyncops will tell you when they end.</source>
            <translation>
                <numerusform>%n job keeps running in the background; asyncops will tell you when it ends.</numerusform>
                <numerusform>%n jobs keep running in the background; asyncops will tell you when they end.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="618" />
            <source>%n job(s) keep running in the background; open asyncops again to see how they end.</source>
            <translation>
                <numerusform>%n job keeps running in the background; open asyncops again to see how it ends.</numerusform>
                <numerusform>%n jobs keep running in the background; open asyncops again to see how they end.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="620" />
            <source>Jobs keep running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="623" />
            <source>Don't ask again</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n job(s) run in this window. Quit anyway? They will be interrupted (resumable operations are queued again).</source>
            <translation type="vanished">
                <numerusform>%n job runs in this window. Quit anyway? It will be interrupted (resumable operations are queued again).</numerusform>
                <numerusform>%n jobs run in this window. Quit anyway? They will be interrupted (resumable operations are queued again).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="202" />
            <source>Close this message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="261" />
            <source>Open job #%1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NewOperationDialog</name>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="209" />
            <source>New operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="213" />
            <source>Job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="214" />
            <source>Shown in the job list (default: from the parameters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="215" />
            <source>Automatic (the queue that takes this operation)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="218" />
            <source>Higher runs first within its queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="219" />
            <source>As soon as possible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="220" />
            <source>At</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="221" />
            <source>none; or job numbers to wait for, e.g. 12, 15</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="222" />
            <source>Choose among the recent jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="223" />
            <source>Run even if one of them does not succeed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="225" />
            <source>Label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="226" />
            <location filename="../../desktop/launch/dialog.py" line="409" />
            <location filename="../../desktop/launch/dialog.py" line="419" />
            <source>Queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="227" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="228" />
            <location filename="../../desktop/launch/dialog.py" line="233" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="229" />
            <source>After jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="232" />
            <source>Operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="234" />
            <source>Save as profile…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="236" />
            <source>Keep this operation and its parameters to run again, now or on a schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="321" />
            <source>Reading the jobs…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="327" />
            <source>No jobs yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="406" />
            <source>Will wait for jobs %1 to end, then run in the background.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="418" />
            <source>You will be told when it ends.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="444" />
            <source>Job numbers separated by commas, e.g. 12, 15</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="491" />
            <source>Saved as profile “%1”: File ▸ Saved profiles runs it or edits it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="217" />
            <location filename="../../desktop/launch/dialog.py" line="264" />
            <source> (paused)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="238" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="395" />
            <source>Fill in the parameters to start this operation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="398" />
            <source>Fix the parameters marked in red to start this operation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="411" />
            <source>Will be scheduled and run in the background at the chosen time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="412" />
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="415" />
            <source>Run now</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="318" />
            <location filename="../../desktop/notify/notifications.py" line="330" />
            <source>Show asyncops</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify</name>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="495" />
            <source>%1 items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="503" />
            <source>in %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="518" />
            <source>%n job(s) ended</source>
            <translation>
                <numerusform>%n job ended</numerusform>
                <numerusform>%n jobs ended</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="530" />
            <source>Job #%1 runs in the background</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="532" />
            <source>%1 was queued on %2; you will be told when it ends.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="538" />
            <source>%1 is scheduled for %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="549" />
            <source>asyncops: no job running</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="550" />
            <source>asyncops: %n job(s) running</source>
            <translation>
                <numerusform>asyncops: %n job runsning</numerusform>
                <numerusform>asyncops: %n jobs running</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="552" />
            <source>%n waiting</source>
            <translation>
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OutputsPanel</name>
        <message>
            <location filename="../../desktop/details/outputs.py" line="77" />
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="78" />
            <source>Open folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="79" />
            <source>Save a copy…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="84" />
            <source>export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="85" />
            <source>rejected rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="86" />
            <source>downloaded file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="125" />
            <source>Save a copy</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ParamForm</name>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="118" />
            <source>Choose with a file dialog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="156" />
            <source>Type an item and press Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="160" />
            <source>Add the item typed (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="164" />
            <source>Remove the selected items (Delete)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="251" />
            <source>Choose in the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="259" />
            <source>Add files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="260" />
            <source>Add a folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="287" />
            <source>Choose the library first: the picker opens in its folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="304" />
            <source>Only what is inside the library can be chosen (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="324" />
            <source>Choose a library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="339" />
            <source>No library yet: add one with “asyncops library add FOLDER”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="356" />
            <source>The library the operation works in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="428" />
            <source>a, b, c</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="491" />
            <source>More options</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProfilesDialog</name>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="77" />
            <source>Saved profiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="99" />
            <source>No saved profiles yet: fill in an operation in New operation and choose Save as profile… (or asyncops profile save NAME OP -p KEY=VALUE).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="103" />
            <source>Run now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="104" />
            <source>Remove…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="105" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="121" />
            <source>cron, e.g. 0 2 * * 1-5 (empty: no schedule)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="133" />
            <source>Schedule:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="133" />
            <source>Missed times:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="133" />
            <source>Label:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="148" />
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="186" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="187" />
            <source>Operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="188" />
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="189" />
            <source>Next run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="190" />
            <source>Last runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="193" />
            <source>run once at the next start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="194" />
            <source>skip them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="205" />
            <source>Chain started: jobs %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="226" />
            <source>never run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="281" />
            <source>Job #%1 started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="296" />
            <source>Remove the profile %1? Its jobs stay in the history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="297" />
            <source>Remove profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="328" />
            <source>Profile %1 saved</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PurgeDialog</name>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="423" />
            <source>Purge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="431" />
            <source>Finished jobs are removed from the history once a day. Active and queued jobs are never purged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="442" />
            <location filename="../../desktop/config/dialogs.py" line="446" />
            <source> days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="451" />
            <source> jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="453" />
            <source>Daily at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="454" />
            <source>Keep succeeded jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="455" />
            <source>Keep failed, stopped and interrupted jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="456" />
            <source>Keep at most</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="465" />
            <source>Purge now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="467" />
            <source>Remove the finished jobs these rules select, now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="529" />
            <source>Must be 0 or more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="533" />
            <source>Purging…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/config/dialogs.py" line="508" />
            <location filename="../../desktop/config/dialogs.py" line="538" />
            <source>%n finished job(s) removed</source>
            <translation>
                <numerusform>%n finished job removed</numerusform>
                <numerusform>%n finished jobs removed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueuesDialog</name>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="52" />
            <source>Queues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="62" />
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="66" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="89" />
            <source>%1 (up to “max parallel” at once)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="93" />
            <source>%1 (one at a time, in order)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="105" />
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="110" />
            <source>Paused (jobs wait until it is resumed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="115" />
            <source>Run by workers only (asyncops worker), not by this window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="119" />
            <source>For heavy operations: they run in a separate process and the window stays responsive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="131" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="132" />
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="133" />
            <source>Max parallel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="134" />
            <source>Retries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="135" />
            <source>Retry delay</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="136" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="137" />
            <source>Operations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="144" />
            <source>Operations not listed by any queue go to the default queue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="149" />
            <source>Save queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="162" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="185" />
            <source> (paused)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="189" />
            <source>The default queue cannot be removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="267" />
            <source>A queue named %1 already exists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="284" />
            <source>Remove queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="288" />
            <source>Remove the queue %1?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SaveProfileDialog</name>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="40" />
            <source>Save as profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="46" />
            <source>Keeps “%1” and these parameters under a name, to run again or on a schedule.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="52" />
            <source>e.g. nightly-export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="55" />
            <source>cron, e.g. 0 2 * * 1-5 (empty: no schedule)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="57" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="58" />
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="69" />
            <source>Give the profile a name</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="63" />
            <source>Scheduled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="64" />
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="65" />
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="66" />
            <source>Stopping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="67" />
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="68" />
            <source>Succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="69" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="70" />
            <source>Stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="71" />
            <source>Interrupted</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="77" />
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="81" />
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ThresholdsDialog</name>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="329" />
            <source>Thresholds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="338" />
            <source>A run that counts more items than its threshold goes to the background queue; below, it runs at once and is still recorded in the history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="368" />
            <source>No registered operation counts items, so every run goes to its queue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="399" />
            <source>Must be 0 or more</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Time</name>
        <message>
            <location filename="../../desktop/jobs/latest.py" line="163" />
            <location filename="../../desktop/jobs/presentation.py" line="217" />
            <location filename="../../desktop/jobs/presentation.py" line="227" />
            <source>%1 left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="146" />
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="149" />
            <source>%1 min %2 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="152" />
            <source>%1 h %2 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="154" />
            <source>%1 d %2 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="205" />
            <source>%1/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="221" />
            <source>starting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="222" />
            <source>%1 elapsed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TimelineWindow</name>
        <message>
            <location filename="../../desktop/timeline/window.py" line="153" />
            <source>Queue %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="223" />
            <source>%1
Waited %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="230" />
            <source>%1
%2, ran %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="239" />
            <source>%1 jobs an hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="243" />
            <source>%1: median wait %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="246" />
            <source>only the most recent %1 jobs are drawn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="248" />
            <source>hatched: waiting to start (hover for why)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="313" />
            <source>Last hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="314" />
            <source>Last day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="315" />
            <source>Last week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="319" />
            <source>Timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="320" />
            <source>Zoom in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="321" />
            <source>Zoom out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="322" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="323" />
            <source>Export PNG…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="369" />
            <source>Export PNG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="375" />
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="377" />
            <source>Could not write %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Undo</name>
        <message>
            <location filename="../../desktop/details/window.py" line="637" />
            <source>Undo job #%1 (%2)?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="638" />
            <source>This starts a new job: %1 — %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="645" />
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WindowCommands</name>
        <message numerus="yes">
            <location filename="../../desktop/window_commands.py" line="108" />
            <source>Remove %n job(s) and their logs from the history? This cannot be undone.</source>
            <translation>
                <numerusform>Remove %n job and their logs from the history? This cannot be undone.</numerusform>
                <numerusform>Remove %n jobs and their logs from the history? This cannot be undone.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="111" />
            <source>Remove jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="132" />
            <source>Download CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="132" />
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n row(s) written to %1</source>
            <translation type="vanished">
                <numerusform>%n row written to %1</numerusform>
                <numerusform>%n rows written to %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/window_commands.py" line="153" />
            <source>%n job(s) written to %1</source>
            <translation>
                <numerusform>%n job written to %1</numerusform>
                <numerusform>%n jobs written to %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/window_commands.py" line="155" />
            <source>Job details and %n log line(s) written to %1</source>
            <translation>
                <numerusform>Job details and %n log line written to %1</numerusform>
                <numerusform>Job details and %n log lines written to %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="161" />
            <location filename="../../desktop/window_commands.py" line="191" />
            <source>Open job by link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="161" />
            <source>Job link or number (asyncops://job/ID):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="173" />
            <source>Not a job link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="174" />
            <source>“%1” is not a job number or link (asyncops://job/ID).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="188" />
            <source>There is no job #%1 that you can see.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="208" />
            <source>Job #%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/window_commands.py" line="238" />
            <source>%n job(s) purged</source>
            <translation>
                <numerusform>%n job purged</numerusform>
                <numerusform>%n jobs purged</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="246" />
            <source>About asyncops</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="248" />
            <source>&lt;b&gt;asyncops&lt;/b&gt; — Process Tracker&lt;br&gt;Queues, runs and watches long bulk operations.&lt;br&gt;Database: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/counts.py" line="29" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/counts.py" line="30" />
            <source>%n running</source>
            <translation>
                <numerusform>%n running</numerusform>
                <numerusform>%n running</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/counts.py" line="31" />
            <source>%n waiting</source>
            <translation>
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation type="vanished">
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shown</source>
            <translation type="vanished">
                <numerusform>%n shown</numerusform>
                <numerusform>%n shown</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="264" />
            <source>Notifications (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="264" />
            <source>Notifications</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/window_commands.py" line="266" />
            <source>%n unread message(s)</source>
            <translation>
                <numerusform>%n unread message</numerusform>
                <numerusform>%n unread messages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WindowMenus</name>
        <message>
            <location filename="../../desktop/window_menus.py" line="52" />
            <source>&amp;New operation…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="56" />
            <source>&amp;Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="57" />
            <source>&amp;Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="58" />
            <source>Res&amp;ume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="62" />
            <source>&amp;Open details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="67" />
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="70" />
            <source>Re&amp;try</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="73" />
            <source>&amp;Undo…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="76" />
            <source>Download &amp;CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="79" />
            <source>Open job by &amp;link…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="82" />
            <source>Re&amp;fresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="84" />
            <source>&amp;Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="85" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="87" />
            <source>Move to &amp;top</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="89" />
            <source>Move &amp;up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="91" />
            <source>Move &amp;down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="96" />
            <source>Saved &amp;profiles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="97" />
            <source>&amp;Queues…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="98" />
            <source>&amp;Thresholds…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="99" />
            <source>&amp;Purge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="100" />
            <source>&amp;About asyncops</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="105" />
            <source>Jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="150" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="158" />
            <source>&amp;Job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="166" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="169" />
            <source>Latest operations panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="174" />
            <source>Notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="177" />
            <source>&amp;Timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="181" />
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="195" />
            <source>&amp;Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="198" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="204" />
            <source>System language</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Workflow</name>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="386" />
            <source>From the saved profile %1, started by its schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="388" />
            <source>From the saved profile %1, started by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="392" />
            <source>Waits for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="392" />
            <source>Came after %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="401" />
            <source>Chain %1, step %2 of %3:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="401" />
            <source>Chain %1:</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>