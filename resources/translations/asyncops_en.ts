<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
    <context>
        <name>Actions</name>
        <message>
            <location filename="../../desktop/presentation.py" line="184" />
            <source>Start a new operation (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="185" />
            <source>Open a job from its link asyncops://job/ID (Ctrl+L)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="188" />
            <source>Select a job first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="193" />
            <location filename="../../desktop/presentation.py" line="232" />
            <source>Download the jobs listed (with the current filters) as CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="200" />
            <source>Already stopping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="202" />
            <source>Only active, queued or scheduled jobs can be stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="205" />
            <source>Show the details and log of job #%1 (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="208" />
            <source>Select a single job to see its details</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/presentation.py" line="212" />
            <source>Remove %n job(s) and their logs from the history</source>
            <translation>
                <numerusform>Remove %n job and their logs from the history</numerusform>
                <numerusform>Remove %n jobs and their logs from the history</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="217" />
            <source>Job #%1 is queued: stop it first, then remove it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="219" />
            <source>Job #%1 is still running: stop it first, then remove it</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/presentation.py" line="223" />
            <source>Run %n job(s) again with the same parameters</source>
            <translation>
                <numerusform>Run %n job again with the same parameters</numerusform>
                <numerusform>Run %n jobs again with the same parameters</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="226" />
            <source>Only finished jobs can be retried</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="229" />
            <source>Download the details and log of job #%1 as CSV</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobActions</name>
        <message>
            <location filename="../../desktop/actions.py" line="57" />
            <source>Some jobs could not be stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/actions.py" line="58" />
            <source>Cannot stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/actions.py" line="70" />
            <source>Some jobs could not be removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/actions.py" line="71" />
            <source>Cannot remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/actions.py" line="84" />
            <source>Cannot retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/actions.py" line="116" />
            <source>Cannot start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/actions.py" line="132" />
            <location filename="../../desktop/actions.py" line="143" />
            <source>Cannot write the CSV file</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobDetailsWindow</name>
        <message>
            <location filename="../../desktop/details.py" line="162" />
            <source>Job #%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="194" />
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="194" />
            <source>Operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="194" />
            <source>Owner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="195" />
            <source>Queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="195" />
            <source>Attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="195" />
            <source>Link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="196" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="196" />
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="196" />
            <source>Scheduled for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="197" />
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="197" />
            <source>Finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="197" />
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="198" />
            <source>Items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="198" />
            <source>Warnings / errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="225" />
            <source>Overview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="226" />
            <source>Parameters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="227" />
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="246" />
            <source>All levels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="246" />
            <source>Info and above</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="247" />
            <source>Warnings and errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="247" />
            <source>Errors only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="251" />
            <source>Copy log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="256" />
            <source>Log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="277" />
            <source>Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="280" />
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="283" />
            <source>Download CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="286" />
            <source>Copy link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="288" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="333" />
            <source>%1 (priority %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="334" />
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="336" />
            <source>ran at once (under its threshold)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="338" />
            <source>retry of #%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="351" />
            <source>(no result yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="385" />
            <source>This job was removed.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/details.py" line="418" />
            <source>%n line(s)</source>
            <translation>
                <numerusform>%n line</numerusform>
                <numerusform>%n lines</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/details.py" line="435" />
            <source>Download CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="435" />
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobsModel</name>
        <message>
            <location filename="../../desktop/jobs_model.py" line="71" />
            <source>ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="72" />
            <source>Operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="73" />
            <source>Label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="74" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="75" />
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="76" />
            <source>Warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="77" />
            <source>Errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="78" />
            <source>Queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="79" />
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="80" />
            <source>Started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="81" />
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/jobs_model.py" line="82" />
            <source>Owner</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LatestPanel</name>
        <message>
            <location filename="../../desktop/dashboard.py" line="159" />
            <source>Latest operations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/dashboard.py" line="171" />
            <source>Jobs you start appear here.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LogModel</name>
        <message>
            <location filename="../../desktop/details.py" line="71" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="71" />
            <source>Level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="71" />
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/details.py" line="71" />
            <source>Item</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/main_window.py" line="83" />
            <source>asyncops — Process Tracker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="122" />
            <source>&amp;New operation…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="124" />
            <source>&amp;Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="125" />
            <source>&amp;Open details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="127" />
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="129" />
            <source>Re&amp;try</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="130" />
            <source>Download &amp;CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="132" />
            <source>Open job by &amp;link…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="134" />
            <source>Re&amp;fresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="137" />
            <source>&amp;Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="139" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="142" />
            <source>&amp;Queues…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="144" />
            <source>&amp;Thresholds…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="146" />
            <source>&amp;Purge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="151" />
            <source>Jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="179" />
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="179" />
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="180" />
            <source>Queued or scheduled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="180" />
            <source>Succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="181" />
            <source>Failed or interrupted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="181" />
            <source>Stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="185" />
            <source>All operations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="190" />
            <source>Search label, operation, description…  (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="192" />
            <source>All users</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="195" />
            <source>Show the jobs of every user (administrators)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="198" />
            <source>Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="201" />
            <source>Operation:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="268" />
            <source>Loading the job history…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="301" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="308" />
            <source>&amp;Job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="311" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="314" />
            <source>Latest operations panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="319" />
            <location filename="../../desktop/main_window.py" line="340" />
            <location filename="../../desktop/main_window.py" line="698" />
            <source>Notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="323" />
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="327" />
            <source>System language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="332" />
            <source>&amp;Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="335" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="336" />
            <source>&amp;About asyncops</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="351" />
            <source>Clear</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="456" />
            <source>Cannot read the job list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="467" />
            <source>No operations yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="469" />
            <source>Bulk deletes, moves, imports, exports and other long operations you start appear here, with their progress, warnings and errors. Start one with New operation, or from the command line with “asyncops submit”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="472" />
            <source>New operation…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="474" />
            <source>No job matches these filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="475" />
            <source>Change the status, operation or search, or clear the filters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="476" />
            <source>Clear filters</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="517" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="517" />
            <source>%n running</source>
            <translation>
                <numerusform>%n running</numerusform>
                <numerusform>%n running</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="518" />
            <source>%n waiting</source>
            <translation>
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="520" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="523" />
            <source>%n shown</source>
            <translation>
                <numerusform>%n shown</numerusform>
                <numerusform>%n shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="601" />
            <source>Remove %n job(s) and their logs from the history? This cannot be undone.</source>
            <translation>
                <numerusform>Remove %n job and their logs from the history? This cannot be undone.</numerusform>
                <numerusform>Remove %n jobs and their logs from the history? This cannot be undone.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="602" />
            <source>Remove jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="613" />
            <source>Download CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="613" />
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="629" />
            <source>%n row(s) written to %1</source>
            <translation>
                <numerusform>%n row written to %1</numerusform>
                <numerusform>%n rows written to %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="632" />
            <source>Open job by link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="633" />
            <source>Job link or number (asyncops://job/ID):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="644" />
            <source>Not a job link</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="658" />
            <source>Job #%1 is running now (%2)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="680" />
            <source>%n job(s) purged</source>
            <translation>
                <numerusform>%n job purged</numerusform>
                <numerusform>%n jobs purged</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="685" />
            <source>About asyncops</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="686" />
            <source>&lt;b&gt;asyncops&lt;/b&gt; — Process Tracker&lt;br&gt;Queues, runs and watches long bulk operations.&lt;br&gt;Database: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="693" />
            <source>The language changes the next time asyncops starts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="697" />
            <source>Notifications (%1)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="699" />
            <source>%n unread message(s)</source>
            <translation>
                <numerusform>%n unread message</numerusform>
                <numerusform>%n unread messages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="774" />
            <source>%n job(s) run in this window. Quit anyway? They will be interrupted (resumable operations are queued again).</source>
            <translation>
                <numerusform>%n job runs in this window. Quit anyway? It will be interrupted (resumable operations are queued again).</numerusform>
                <numerusform>%n jobs run in this window. Quit anyway? They will be interrupted (resumable operations are queued again).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="776" />
            <source>Quit asyncops</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="../../desktop/notifications.py" line="156" />
            <source>Close this message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/notifications.py" line="182" />
            <source>Open job #%1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NewOperationDialog</name>
        <message>
            <location filename="../../desktop/new_operation.py" line="338" />
            <source>New operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="363" />
            <source>Job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="366" />
            <source>Shown in the job list (default: from the parameters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="369" />
            <source>Automatic (the queue that takes this operation)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="373" />
            <source>Higher runs first within its queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="374" />
            <source>As soon as possible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="376" />
            <source>At</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="389" />
            <source>Label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="390" />
            <location filename="../../desktop/new_operation.py" line="514" />
            <source>Queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="391" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="392" />
            <location filename="../../desktop/new_operation.py" line="401" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="409" />
            <source>Operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="433" />
            <source> (paused)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="496" />
            <source>Fill in the parameters to start this operation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="500" />
            <location filename="../../desktop/new_operation.py" line="545" />
            <source>Fix the parameters marked in red to start this operation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="506" />
            <source>Will be scheduled and run in the background at the chosen time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="507" />
            <source>Schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="509" />
            <source>Will run now: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="510" />
            <source>Run now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="512" />
            <source>a queue was chosen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="513" />
            <source>Will run in the background: %1. You will be told when it ends.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../../desktop/notifications.py" line="229" />
            <source>Show asyncops</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notify</name>
        <message>
            <location filename="../../desktop/presentation.py" line="257" />
            <source>%1 items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="264" />
            <source>in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="273" />
            <source>Job #%1 runs in the background</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="274" />
            <source>%1 was queued on %2; you will be told when it ends.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="277" />
            <source>%1 is scheduled for %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="286" />
            <source>asyncops: no job running</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/presentation.py" line="287" />
            <source>asyncops: %n job(s) running</source>
            <translation>
                <numerusform>asyncops: %n job runsning</numerusform>
                <numerusform>asyncops: %n jobs running</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/presentation.py" line="289" />
            <source>%n waiting</source>
            <translation>
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ParamForm</name>
        <message>
            <location filename="../../desktop/new_operation.py" line="120" />
            <source>Choose with a file dialog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/new_operation.py" line="254" />
            <source>More options</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PurgeDialog</name>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="416" />
            <source>Purge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="419" />
            <source>Finished jobs are removed from the history once a day. Active and queued jobs are never purged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="429" />
            <location filename="../../desktop/config_dialogs.py" line="433" />
            <source> days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="438" />
            <source> jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="439" />
            <source>Daily at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="440" />
            <source>Keep succeeded jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="441" />
            <source>Keep failed, stopped and interrupted jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="443" />
            <source>Keep at most</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="446" />
            <source>Purge now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="448" />
            <source>Remove the finished jobs these rules select, now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="508" />
            <source>Purging…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/config_dialogs.py" line="512" />
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
            <location filename="../../desktop/config_dialogs.py" line="107" />
            <source>Queues</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="116" />
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="119" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="138" />
            <source>Parallel (up to “max parallel” at once)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="139" />
            <source>Ordered (one at a time, in order)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="150" />
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="154" />
            <source>Paused (jobs wait until it is resumed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="156" />
            <source>Run by workers only (asyncops worker), not by this window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="158" />
            <source>For heavy operations: they run in a separate process and the window stays responsive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="169" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="170" />
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="171" />
            <source>Max parallel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="172" />
            <source>Retries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="173" />
            <source>Retry delay</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="174" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="175" />
            <source>Operations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="181" />
            <source>Operations not listed by any queue go to the default queue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="185" />
            <source>Save queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="211" />
            <source> (paused)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="247" />
            <source>The default queue cannot be removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="269" />
            <source>A queue named %1 already exists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="294" />
            <source>Remove queue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="298" />
            <source>Remove the queue %1?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../../desktop/presentation.py" line="41" />
            <source>Scheduled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="42" />
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="43" />
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="44" />
            <source>Stopping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="45" />
            <source>Succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="46" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="47" />
            <source>Stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="48" />
            <source>Interrupted</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location filename="../../desktop/presentation.py" line="54" />
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/presentation.py" line="58" />
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
            <location filename="../../desktop/config_dialogs.py" line="324" />
            <source>Thresholds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="329" />
            <source>A run that counts more items than its threshold goes to the background queue; below, it runs at once and is still recorded in the history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="353" />
            <source>No registered operation counts items, so every run goes to its queue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/config_dialogs.py" line="380" />
            <source>Must be 0 or more</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Time</name>
        <message>
            <location filename="../../desktop/dashboard.py" line="137" />
            <location filename="../../desktop/presentation.py" line="157" />
            <source>%1 left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="96" />
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="99" />
            <source>%1 min %2 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="102" />
            <source>%1 h %2 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="104" />
            <source>%1 d %2 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="140" />
            <source>%1/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../desktop/presentation.py" line="158" />
            <source>starting…</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>