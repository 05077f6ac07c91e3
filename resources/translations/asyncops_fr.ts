<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
    <context>
        <name>Actions</name>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="271" />
            <source>Start a new operation (Ctrl+N)</source>
            <translation>Lancer une nouvelle opération (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="272" />
            <source>Open a job from its link asyncops://job/ID (Ctrl+L)</source>
            <translation>Ouvrir une tâche depuis son lien asyncops://job/ID (Ctrl+L)</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="275" />
            <source>Select a job first</source>
            <translation>Sélectionnez d’abord une tâche</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="285" />
            <location filename="../../desktop/jobs/presentation.py" line="337" />
            <source>Download the jobs listed (with the current filters) as CSV</source>
            <translation>Télécharger les tâches listées (avec les filtres actuels) en CSV</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="292" />
            <source>Stop %n selected job(s)</source>
            <translation>
                <numerusform>Arrêter %n tâche sélectionnée</numerusform>
                <numerusform>Arrêter %n tâches sélectionnées</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="294" />
            <source>Already stopping</source>
            <translation>Arrêt déjà en cours</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="296" />
            <source>Only active, queued or scheduled jobs can be stopped</source>
            <translation>Seules les tâches actives, en file ou planifiées peuvent être arrêtées</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="302" />
            <source>Show the details and log of job #%1 (Enter)</source>
            <translation>Afficher le détail et le journal de la tâche nº %1 (Entrée)</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="305" />
            <source>Select a single job to see its details</source>
            <translation>Sélectionnez une seule tâche pour voir son détail</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="310" />
            <source>Remove %n job(s) and their logs from the history</source>
            <translation>
                <numerusform>Supprimer %n tâche et son journal de l’historique</numerusform>
                <numerusform>Supprimer %n tâches et leurs journaux de l’historique</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="315" />
            <source>Job #%1 is queued: stop it first, then remove it</source>
            <translation>La tâche nº %1 est en file : arrêtez-la d’abord, puis supprimez-la</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="317" />
            <source>Job #%1 is still running: stop it first, then remove it</source>
            <translation>La tâche nº %1 est en cours : arrêtez-la d’abord, puis supprimez-la</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="321" />
            <source>Run %n job(s) again with the same parameters</source>
            <translation>
                <numerusform>Relancer %n tâche avec les mêmes paramètres</numerusform>
                <numerusform>Relancer %n tâches avec les mêmes paramètres</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="323" />
            <source>Only finished jobs can be retried</source>
            <translation>Seules les tâches terminées peuvent être relancées</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="326" />
            <source>Select a single finished job to undo it</source>
            <translation>Sélectionnez une seule tâche terminée pour la défaire</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="328" />
            <source>Only a finished job can be undone</source>
            <translation>Seule une tâche terminée peut être défaite</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="331" />
            <source>Reverse what job #%1 did (Ctrl+Z)</source>
            <translation>Défaire ce qu’a fait la tâche nº %1 (Ctrl+Z)</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="334" />
            <source>This operation's result cannot be undone</source>
            <translation>Le résultat de cette opération ne peut pas être défait</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="361" />
            <source>Pause %n selected job(s) at their next item</source>
            <translation>
                <numerusform>Mettre en pause %n tâche sélectionnée à son prochain élément</numerusform>
                <numerusform>Mettre en pause %n tâches sélectionnées à leur prochain élément</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="363" />
            <source>This operation cannot pause: stop it instead</source>
            <translation>Cette opération ne peut pas être mise en pause : arrêtez-la plutôt</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="365" />
            <source>Already paused</source>
            <translation>Déjà en pause</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="367" />
            <source>Only running jobs can be paused</source>
            <translation>Seules les tâches en cours peuvent être mises en pause</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="370" />
            <source>Resume %n paused job(s)</source>
            <translation>
                <numerusform>Reprendre %n tâche en pause</numerusform>
                <numerusform>Reprendre %n tâches en pause</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="372" />
            <source>Only paused jobs can be resumed</source>
            <translation>Seules les tâches en pause peuvent être reprises</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="418" />
            <source>Select queued jobs first</source>
            <translation>Sélectionnez d'abord des tâches en file</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="420" />
            <source>Only queued jobs can be moved in their queue</source>
            <translation>Seules les tâches en file peuvent être déplacées dans leur file</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="422" />
            <source>Select jobs of one queue to move them</source>
            <translation>Sélectionnez des tâches d'une seule file pour les déplacer</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="426" />
            <source>Move before every other queued job of the queue %1</source>
            <translation>Placer avant toutes les autres tâches en attente de la file %1</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="427" />
            <source>Move one place up in the queue %1 (Alt+Up)</source>
            <translation>Monter d'une place dans la file %1 (Alt+Haut)</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="428" />
            <source>Move one place down in the queue %1 (Alt+Down)</source>
            <translation>Descendre d'une place dans la file %1 (Alt+Bas)</translation>
        </message>
        <message>
            <source>Download the details and log of job #%1 as CSV</source>
            <translation type="vanished">Télécharger le détail et le journal de la tâche nº %1 en CSV</translation>
        </message>
    </context>
    <context>
        <name>AppContext</name>
        <message>
            <location filename="../../desktop/app.py" line="186" />
            <source>Queued jobs wait until an engine runs (asyncops worker). Details: %1 (see %2)</source>
            <translation>Les tâches en file attendent qu’un moteur tourne (asyncops worker). Détails : %1 (voir %2)</translation>
        </message>
        <message>
            <location filename="../../desktop/app.py" line="189" />
            <source>The background engine could not start</source>
            <translation>Le moteur d’arrière-plan n’a pas pu démarrer</translation>
        </message>
    </context>
    <context>
        <name>ChainDialog</name>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="38" />
            <source>New chain</source>
            <translation>Nouvelle chaîne</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="42" />
            <source>e.g. nightly</source>
            <translation>p. ex. nocturne</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="54" />
            <source>Add →</source>
            <translation>Ajouter →</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="55" />
            <source>← Remove</source>
            <translation>← Retirer</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="56" />
            <source>Up</source>
            <translation>Monter</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="57" />
            <source>Down</source>
            <translation>Descendre</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="69" />
            <source>none</source>
            <translation>aucun</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="72" />
            <source>cron, e.g. 0 2 * * 1-5 (empty: no schedule)</source>
            <translation>cron, p. ex. 0 2 * * 1-5 (vide : pas de planification)</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="76" />
            <source>Your profiles</source>
            <translation>Vos profils</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="76" />
            <source>Steps, in order</source>
            <translation>Étapes, dans l'ordre</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="88" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="89" />
            <source>Finally</source>
            <translation>Enfin</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="90" />
            <source>Schedule</source>
            <translation>Planification</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="93" />
            <source>A profile that runs after the steps whatever happened (a report, a clean-up)</source>
            <translation>Un profil lancé après les étapes quoi qu'il arrive (un rapport, un nettoyage)</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="131" />
            <source>Give the chain a name</source>
            <translation>Donnez un nom à la chaîne</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chain_dialog.py" line="134" />
            <source>Add at least one profile to the steps</source>
            <translation>Ajoutez au moins un profil aux étapes</translation>
        </message>
    </context>
    <context>
        <name>ChainsPanel</name>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="58" />
            <source>Chains</source>
            <translation>Chaînes</translation>
        </message>
        <message>
            <source>No chains yet: a chain runs saved profiles one after the other; make one with asyncops chain save NAME PROFILE PROFILE … [--finally PROFILE].</source>
            <translation type="vanished">Aucune chaîne pour l'instant : une chaîne lance des profils enregistrés l'un après l'autre ; créez-en une avec asyncops chain save NOM PROFIL PROFIL … [--finally PROFIL].</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="75" />
            <source>No chains yet: a chain runs saved profiles one after the other, on a schedule or by hand; make one with New chain…</source>
            <translation>Aucune chaîne pour l'instant : une chaîne lance des profils enregistrés l'un après l'autre, selon une planification ou à la main ; créez-en une avec Nouvelle chaîne…</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="80" />
            <source>Run chain</source>
            <translation>Lancer la chaîne</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="81" />
            <source>New chain…</source>
            <translation>Nouvelle chaîne…</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="82" />
            <source>Remove…</source>
            <translation>Supprimer…</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="99" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="100" />
            <source>Steps</source>
            <translation>Étapes</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="101" />
            <source>Schedule</source>
            <translation>Planification</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="102" />
            <source>Next run</source>
            <translation>Prochaine exécution</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="127" />
            <source>finally</source>
            <translation>enfin</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="188" />
            <source>Remove the chain %1? Its profiles and jobs stay.</source>
            <translation>Supprimer la chaîne %1 ? Ses profils et ses tâches restent.</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/chains.py" line="189" />
            <source>Remove chain</source>
            <translation>Supprimer la chaîne</translation>
        </message>
    </context>
    <context>
        <name>ConfigDialog</name>
        <message>
            <location filename="../../desktop/config/base.py" line="40" />
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <location filename="../../desktop/config/base.py" line="41" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>Confirm</name>
        <message numerus="yes">
            <location filename="../../desktop/launch/confirm.py" line="37" />
            <source>Delete %n item(s) for good? They do not go to the trash.</source>
            <translation>
                <numerusform>Supprimer %n élément définitivement ? Il ne passe pas par la corbeille.</numerusform>
                <numerusform>Supprimer %n éléments définitivement ? Ils ne passent pas par la corbeille.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/launch/confirm.py" line="40" />
            <source>Move %n item(s) to the trash?</source>
            <translation>
                <numerusform>Mettre %n élément à la corbeille ?</numerusform>
                <numerusform>Mettre %n éléments à la corbeille ?</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="43" />
            <source>Move and overwrite the items of the same name at the destination (they go to the trash)?</source>
            <translation>Déplacer en écrasant les éléments de même nom à la destination (ils vont à la corbeille) ?</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="48" />
            <source>Change every asset that matches “%1”?</source>
            <translation>Modifier toutes les ressources qui correspondent à « %1 » ?</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="51" />
            <source>Apply the metadata of this file to the assets it names?</source>
            <translation>Appliquer les métadonnées de ce fichier aux ressources qu'il nomme ?</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="54" />
            <source>Write the metadata into the files themselves?</source>
            <translation>Écrire les métadonnées dans les fichiers eux-mêmes ?</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="58" />
            <source>This run touches %1.</source>
            <translation>Ce traitement touche %1.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="60" />
            <source>Undo can reverse it once it has run.</source>
            <translation>Défaire pourra l'annuler une fois terminé.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="73" />
            <source>Confirm: %1</source>
            <translation>Confirmer : %1</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="76" />
            <source>Start</source>
            <translation>Démarrer</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/confirm.py" line="79" />
            <source>Don't ask again for this kind of operation</source>
            <translation>Ne plus demander pour ce type d'opération</translation>
        </message>
    </context>
    <context>
        <name>InboxPopup</name>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="483" />
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="484" />
            <source>Clear</source>
            <translation>Effacer</translation>
        </message>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="485" />
            <source>No notifications</source>
            <translation>Aucune notification</translation>
        </message>
    </context>
    <context>
        <name>JobActions</name>
        <message>
            <location filename="../../desktop/services/actions.py" line="69" />
            <location filename="../../desktop/services/actions.py" line="82" />
            <source>Some jobs could not be stopped</source>
            <translation>Certaines tâches n’ont pas pu être arrêtées</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="70" />
            <location filename="../../desktop/services/actions.py" line="85" />
            <source>Cannot stop</source>
            <translation>Arrêt impossible</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="90" />
            <source>Some jobs could not be paused</source>
            <translation>Certaines tâches n'ont pas pu être mises en pause</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="91" />
            <source>Cannot pause</source>
            <translation>Impossible de mettre en pause</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="98" />
            <source>Some jobs could not be moved</source>
            <translation>Certaines tâches n'ont pas pu être déplacées</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="99" />
            <source>Cannot move</source>
            <translation>Déplacement impossible</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="105" />
            <source>Some jobs could not be resumed</source>
            <translation>Certaines tâches n'ont pas pu être reprises</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="106" />
            <source>Cannot resume</source>
            <translation>Impossible de reprendre</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="112" />
            <source>Some jobs could not be removed</source>
            <translation>Certaines tâches n’ont pas pu être supprimées</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="113" />
            <source>Cannot remove</source>
            <translation>Suppression impossible</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="126" />
            <source>Cannot retry</source>
            <translation>Relance impossible</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="138" />
            <location filename="../../desktop/services/actions.py" line="147" />
            <source>Cannot undo</source>
            <translation>Impossible de défaire</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="183" />
            <source>Cannot start</source>
            <translation>Lancement impossible</translation>
        </message>
        <message>
            <location filename="../../desktop/services/actions.py" line="195" />
            <location filename="../../desktop/services/actions.py" line="205" />
            <source>Cannot write the CSV file</source>
            <translation>Impossible d’écrire le fichier CSV</translation>
        </message>
    </context>
    <context>
        <name>JobDetailsWindow</name>
        <message>
            <location filename="../../desktop/details/window.py" line="336" />
            <source>Job #%1</source>
            <translation>Tâche nº %1</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="338" />
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="339" />
            <source>Operation</source>
            <translation>Opération</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="340" />
            <source>Owner</source>
            <translation>Propriétaire</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="341" />
            <source>Queue</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="342" />
            <source>Attempt</source>
            <translation>Tentative</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="343" />
            <source>Workflow</source>
            <translation>Enchaînement</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="344" />
            <source>Link</source>
            <translation>Lien</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="345" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="346" />
            <source>Created</source>
            <translation>Créée</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="347" />
            <source>Scheduled for</source>
            <translation>Planifiée pour</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="348" />
            <source>Started</source>
            <translation>Démarrée</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="349" />
            <source>Finished</source>
            <translation>Terminée</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="350" />
            <source>Duration</source>
            <translation>Durée</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="351" />
            <source>Items</source>
            <translation>Éléments</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="352" />
            <source>Warnings / errors</source>
            <translation>Avertissements / erreurs</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="355" />
            <source>%1:</source>
            <translation>%1 :</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="356" />
            <source>Overview</source>
            <translation>Vue d’ensemble</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="356" />
            <source>Parameters</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="356" />
            <source>Result</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="356" />
            <source>Files</source>
            <translation>Fichiers</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="359" />
            <source>All levels</source>
            <translation>Tous les niveaux</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="360" />
            <source>Info and above</source>
            <translation>Info et plus</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="361" />
            <source>Warnings and errors</source>
            <translation>Avertissements et erreurs</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="362" />
            <source>Errors only</source>
            <translation>Erreurs seulement</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="366" />
            <source>Copy log</source>
            <translation>Copier le journal</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="367" />
            <source>Search the log…</source>
            <translation>Rechercher dans le journal…</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="368" />
            <source>Log</source>
            <translation>Journal</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="369" />
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="370" />
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="371" />
            <source>Resume</source>
            <translation>Reprendre</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="372" />
            <source>Retry</source>
            <translation>Relancer</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="373" />
            <source>Undo…</source>
            <translation>Défaire…</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="374" />
            <source>Download CSV…</source>
            <translation>Télécharger le CSV…</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="375" />
            <source>Copy link</source>
            <translation>Copier le lien</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="376" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="404" />
            <source>There is no job #%1 that you can see.</source>
            <translation>Aucune tâche nº %1 visible pour vous.</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="426" />
            <source>%1 (priority %2)</source>
            <translation>%1 (priorité %2)</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="427" />
            <location filename="../../desktop/details/window.py" line="585" />
            <source>%1 of %2</source>
            <translation>%1 sur %2</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="429" />
            <source>ran at once (under its threshold)</source>
            <translation>exécutée immédiatement (sous son seuil)</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="442" />
            <source>(no parameters)</source>
            <translation>(aucun paramètre)</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="444" />
            <source>(no result yet)</source>
            <translation>(pas encore de résultat)</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="380" />
            <location filename="../../desktop/details/window.py" line="547" />
            <source>This job was removed.</source>
            <translation>Cette tâche a été supprimée.</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="431" />
            <source>follows job #%1</source>
            <translation>suite de la tâche nº %1</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="444" />
            <source>(no result)</source>
            <translation>(aucun résultat)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/details/window.py" line="583" />
            <source>%n line(s)</source>
            <translation>
                <numerusform>%n ligne</numerusform>
                <numerusform>%n lignes</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="613" />
            <source>Download CSV</source>
            <translation>Télécharger le CSV</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="613" />
            <source>CSV files (*.csv)</source>
            <translation>Fichiers CSV (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>JobsModel</name>
        <message>
            <location filename="../../desktop/jobs/model.py" line="86" />
            <source>ID</source>
            <translation>Nº</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="87" />
            <source>Operation</source>
            <translation>Opération</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="88" />
            <source>Label</source>
            <translation>Libellé</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="89" />
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="90" />
            <source>Progress</source>
            <translation>Progression</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="91" />
            <source>Warnings</source>
            <translation>Avert.</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="92" />
            <source>Errors</source>
            <translation>Erreurs</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="93" />
            <source>Queue</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="94" />
            <source>Created</source>
            <translation>Créée</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="95" />
            <source>Started</source>
            <translation>Démarrée</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="96" />
            <source>Finished</source>
            <translation>Terminée</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="97" />
            <source>Duration</source>
            <translation>Durée</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/model.py" line="98" />
            <source>Owner</source>
            <translation>Propriétaire</translation>
        </message>
    </context>
    <context>
        <name>KeyValueView</name>
        <message>
            <location filename="../../desktop/details/kv.py" line="84" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop/details/kv.py" line="84" />
            <source>Value</source>
            <translation>Valeur</translation>
        </message>
        <message>
            <location filename="../../desktop/details/kv.py" line="85" />
            <source>Copy as JSON</source>
            <translation>Copier en JSON</translation>
        </message>
    </context>
    <context>
        <name>LatestPanel</name>
        <message>
            <location filename="../../desktop/jobs/latest.py" line="217" />
            <source>Latest operations</source>
            <translation>Dernières opérations</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/latest.py" line="218" />
            <source>Jobs you start appear here.</source>
            <translation>Les tâches que vous lancez apparaissent ici.</translation>
        </message>
    </context>
    <context>
        <name>LogModel</name>
        <message>
            <location filename="../../desktop/details/log_model.py" line="66" />
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="66" />
            <source>Level</source>
            <translation>Niveau</translation>
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="66" />
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="66" />
            <source>Item</source>
            <translation>Élément</translation>
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="71" />
            <source>Debug</source>
            <translation>Débogage</translation>
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="72" />
            <source>Info</source>
            <translation>Info</translation>
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="73" />
            <source>Warning</source>
            <translation>Avertissement</translation>
        </message>
        <message>
            <location filename="../../desktop/details/log_model.py" line="74" />
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>asyncops — Process Tracker</source>
            <translation type="vanished">asyncops — Suivi des processus</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="111" />
            <source>Process Tracker — asyncops</source>
            <translation>Suivi des processus — asyncops</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="117" />
            <source>All statuses</source>
            <translation>Tous les statuts</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="118" />
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="119" />
            <source>Queued or scheduled</source>
            <translation>En file ou planifiée</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="120" />
            <source>Succeeded</source>
            <translation>Réussie</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="121" />
            <source>Failed or interrupted</source>
            <translation>Échouée ou interrompue</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="122" />
            <source>Stopped</source>
            <translation>Arrêtée</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="126" />
            <source>All operations</source>
            <translation>Toutes les opérations</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="127" />
            <source>Any origin</source>
            <translation>Toute origine</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="128" />
            <source>Started by hand</source>
            <translation>Lancées à la main</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="129" />
            <source>Started by a schedule</source>
            <translation>Lancées par une planification</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="132" />
            <location filename="../../desktop/main_window.py" line="392" />
            <source>Profile %1</source>
            <translation>Profil %1</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="169" />
            <source>Search label, operation, description…  (Ctrl+F)</source>
            <translation>Rechercher libellé, opération, description…  (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="175" />
            <source>All users</source>
            <translation>Tous les utilisateurs</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="176" />
            <source>Show the jobs of every user (administrators)</source>
            <translation>Afficher les tâches de tous les utilisateurs (administrateurs)</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="178" />
            <source>Status:</source>
            <translation>Statut :</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="179" />
            <source>Operation:</source>
            <translation>Opération :</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="253" />
            <source>Loading the job history…</source>
            <translation>Chargement de l’historique des tâches…</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="287" />
            <source>Offline: cannot reach the database, retrying</source>
            <translation>Hors ligne : base de données injoignable, nouvel essai en cours</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="551" />
            <source>Quit and s&amp;top jobs</source>
            <translation>Quitter et a&amp;rrêter les tâches</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="556" />
            <source>&amp;Pause all queues</source>
            <translation>&amp;Suspendre toutes les files</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="558" />
            <source>R&amp;esume all queues</source>
            <translation>R&amp;eprendre toutes les files</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="563" />
            <source>&amp;New operation…</source>
            <translation>&amp;Nouvelle opération…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="582" />
            <source>%n queue(s) paused: running jobs finish, nothing new starts</source>
            <translation>
                <numerusform>%n file suspendue : les tâches en cours finissent, rien de nouveau ne démarre</numerusform>
                <numerusform>%n files suspendues : les tâches en cours finissent, rien de nouveau ne démarre</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="584" />
            <source>%n queue(s) resumed</source>
            <translation>
                <numerusform>%n file reprise</numerusform>
                <numerusform>%n files reprises</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="585" />
            <location filename="../../desktop/main_window.py" line="591" />
            <source>Queues</source>
            <translation>Files</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="614" />
            <source>%n job(s) keep running in the background; asyncops will tell you when they end.</source>
            <translation>
                <numerusform>%n tâche continue en arrière-plan ; asyncops vous préviendra quand elle se terminera.</numerusform>
                <numerusform>%n tâches continuent en arrière-plan ; asyncops vous préviendra quand elles se termineront.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/main_window.py" line="618" />
            <source>%n job(s) keep running in the background; open asyncops again to see how they end.</source>
            <translation>
                <numerusform>%n tâche continue en arrière-plan ; rouvrez asyncops pour voir comment elle se termine.</numerusform>
                <numerusform>%n tâches continuent en arrière-plan ; rouvrez asyncops pour voir comment elles se terminent.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="620" />
            <source>Jobs keep running</source>
            <translation>Les tâches continuent</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="623" />
            <source>Don't ask again</source>
            <translation>Ne plus demander</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation type="vanished">Notifications</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation type="vanished">Effacer</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="449" />
            <source>Cannot read the job list</source>
            <translation>Impossible de lire la liste des tâches</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="460" />
            <source>No operations yet</source>
            <translation>Aucune opération pour l’instant</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="463" />
            <source>Bulk deletes, moves, imports, exports and other long operations you start appear here, with their progress, warnings and errors. Start one with New operation, or from the command line with “asyncops submit”.</source>
            <translation>Les suppressions, déplacements, imports, exports et autres opérations longues que vous lancez apparaissent ici, avec leur progression, leurs avertissements et leurs erreurs. Lancez-en une avec Nouvelle opération, ou en ligne de commande avec « asyncops submit ».</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="468" />
            <source>New operation…</source>
            <translation>Nouvelle opération…</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="470" />
            <source>No job matches these filters</source>
            <translation>Aucune tâche ne correspond à ces filtres</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="471" />
            <source>Change the status, operation or search, or clear the filters.</source>
            <translation>Changez le statut, l’opération ou la recherche, ou effacez les filtres.</translation>
        </message>
        <message>
            <location filename="../../desktop/main_window.py" line="472" />
            <source>Clear filters</source>
            <translation>Effacer les filtres</translation>
        </message>
        <message numerus="yes">
            <source>%n job(s) run in this window. Quit anyway? They will be interrupted (resumable operations are queued again).</source>
            <translation type="vanished">
                <numerusform>%n tâche s’exécute dans cette fenêtre. Quitter quand même ? Elle sera interrompue (les opérations reprenables sont remises en file).</numerusform>
                <numerusform>%n tâches s’exécutent dans cette fenêtre. Quitter quand même ? Elles seront interrompues (les opérations reprenables sont remises en file).</numerusform>
            </translation>
        </message>
        <message>
            <source>Quit asyncops</source>
            <translation type="vanished">Quitter asyncops</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="202" />
            <source>Close this message</source>
            <translation>Fermer ce message</translation>
        </message>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="261" />
            <source>Open job #%1</source>
            <translation>Ouvrir la tâche nº %1</translation>
        </message>
    </context>
    <context>
        <name>NewOperationDialog</name>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="209" />
            <source>New operation</source>
            <translation>Nouvelle opération</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="213" />
            <source>Job</source>
            <translation>Tâche</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="214" />
            <source>Shown in the job list (default: from the parameters)</source>
            <translation>Affiché dans la liste des tâches (par défaut : d’après les paramètres)</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="215" />
            <source>Automatic (the queue that takes this operation)</source>
            <translation>Automatique (la file qui prend cette opération)</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="218" />
            <source>Higher runs first within its queue</source>
            <translation>La plus haute passe en premier dans sa file</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="219" />
            <source>As soon as possible</source>
            <translation>Dès que possible</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="220" />
            <source>At</source>
            <translation>À</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="221" />
            <source>none; or job numbers to wait for, e.g. 12, 15</source>
            <translation>aucune ; ou les numéros des tâches à attendre, p. ex. 12, 15</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="222" />
            <source>Choose among the recent jobs</source>
            <translation>Choisir parmi les tâches récentes</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="223" />
            <source>Run even if one of them does not succeed</source>
            <translation>Lancer même si l'une d'elles échoue</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="225" />
            <source>Label</source>
            <translation>Libellé</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="226" />
            <location filename="../../desktop/launch/dialog.py" line="409" />
            <location filename="../../desktop/launch/dialog.py" line="419" />
            <source>Queue</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="227" />
            <source>Priority</source>
            <translation>Priorité</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="228" />
            <location filename="../../desktop/launch/dialog.py" line="233" />
            <source>Start</source>
            <translation>Lancer</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="229" />
            <source>After jobs</source>
            <translation>Après les tâches</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="232" />
            <source>Operation</source>
            <translation>Opération</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="234" />
            <source>Save as profile…</source>
            <translation>Enregistrer comme profil…</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="236" />
            <source>Keep this operation and its parameters to run again, now or on a schedule</source>
            <translation>Garder cette opération et ses paramètres pour la relancer, tout de suite ou selon une planification</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="321" />
            <source>Reading the jobs…</source>
            <translation>Lecture des tâches…</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="327" />
            <source>No jobs yet</source>
            <translation>Aucune tâche pour l'instant</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="406" />
            <source>Will wait for jobs %1 to end, then run in the background.</source>
            <translation>Attendra la fin des tâches %1, puis s'exécutera en arrière-plan.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="418" />
            <source>You will be told when it ends.</source>
            <translation>Vous serez prévenu quand elle se terminera.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="444" />
            <source>Job numbers separated by commas, e.g. 12, 15</source>
            <translation>Des numéros de tâches séparés par des virgules, p. ex. 12, 15</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="491" />
            <source>Saved as profile “%1”: File ▸ Saved profiles runs it or edits it.</source>
            <translation>Enregistré comme profil « %1 » : Fichier ▸ Profils enregistrés permet de le lancer ou de le modifier.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="217" />
            <location filename="../../desktop/launch/dialog.py" line="264" />
            <source> (paused)</source>
            <translation> (en pause)</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="238" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="395" />
            <source>Fill in the parameters to start this operation.</source>
            <translation>Renseignez les paramètres pour lancer cette opération.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="398" />
            <source>Fix the parameters marked in red to start this operation.</source>
            <translation>Corrigez les paramètres marqués en rouge pour lancer cette opération.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="411" />
            <source>Will be scheduled and run in the background at the chosen time.</source>
            <translation>Sera planifiée et exécutée en arrière-plan à l’heure choisie.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="412" />
            <source>Schedule</source>
            <translation>Planifier</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/dialog.py" line="415" />
            <source>Run now</source>
            <translation>Exécuter maintenant</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../../desktop/notify/notifications.py" line="318" />
            <location filename="../../desktop/notify/notifications.py" line="330" />
            <source>Show asyncops</source>
            <translation>Afficher asyncops</translation>
        </message>
    </context>
    <context>
        <name>Notify</name>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="495" />
            <source>%1 items</source>
            <translation>%1 éléments</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="503" />
            <source>in %1</source>
            <translation>en %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="518" />
            <source>%n job(s) ended</source>
            <translation>
                <numerusform>%n tâche terminée</numerusform>
                <numerusform>%n tâches terminées</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="530" />
            <source>Job #%1 runs in the background</source>
            <translation>La tâche nº %1 s’exécute en arrière-plan</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="532" />
            <source>%1 was queued on %2; you will be told when it ends.</source>
            <translation>%1 a été mise dans la file %2 ; vous serez prévenu à la fin.</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="538" />
            <source>%1 is scheduled for %2.</source>
            <translation>%1 est planifiée pour le %2.</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="549" />
            <source>asyncops: no job running</source>
            <translation>asyncops : aucune tâche en cours</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="550" />
            <source>asyncops: %n job(s) running</source>
            <translation>
                <numerusform>asyncops : %n tâche en cours</numerusform>
                <numerusform>asyncops : %n tâches en cours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="552" />
            <source>%n waiting</source>
            <translation>
                <numerusform>%n en attente</numerusform>
                <numerusform>%n en attente</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OutputsPanel</name>
        <message>
            <location filename="../../desktop/details/outputs.py" line="77" />
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="78" />
            <source>Open folder</source>
            <translation>Ouvrir le dossier</translation>
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="79" />
            <source>Save a copy…</source>
            <translation>Enregistrer une copie…</translation>
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="84" />
            <source>export</source>
            <translation>export</translation>
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="85" />
            <source>rejected rows</source>
            <translation>lignes rejetées</translation>
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="86" />
            <source>downloaded file</source>
            <translation>fichier téléchargé</translation>
        </message>
        <message>
            <location filename="../../desktop/details/outputs.py" line="125" />
            <source>Save a copy</source>
            <translation>Enregistrer une copie</translation>
        </message>
    </context>
    <context>
        <name>ParamForm</name>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="118" />
            <source>Choose with a file dialog</source>
            <translation>Choisir avec une boîte de dialogue</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="156" />
            <source>Type an item and press Enter</source>
            <translation>Saisissez un élément et appuyez sur Entrée</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="160" />
            <source>Add the item typed (Enter)</source>
            <translation>Ajouter l'élément saisi (Entrée)</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="164" />
            <source>Remove the selected items (Delete)</source>
            <translation>Retirer les éléments sélectionnés (Suppr)</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="251" />
            <source>Choose in the library</source>
            <translation>Choisir dans la bibliothèque</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="259" />
            <source>Add files…</source>
            <translation>Ajouter des fichiers…</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="260" />
            <source>Add a folder…</source>
            <translation>Ajouter un dossier…</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="287" />
            <source>Choose the library first: the picker opens in its folder.</source>
            <translation>Choisissez d'abord la bibliothèque : le sélecteur s'ouvre dans son dossier.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="304" />
            <source>Only what is inside the library can be chosen (%1).</source>
            <translation>Seul ce qui est dans la bibliothèque peut être choisi (%1).</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="324" />
            <source>Choose a library</source>
            <translation>Choisissez une bibliothèque</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="339" />
            <source>No library yet: add one with “asyncops library add FOLDER”</source>
            <translation>Aucune bibliothèque : ajoutez-en une avec « asyncops library add DOSSIER »</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="356" />
            <source>The library the operation works in</source>
            <translation>La bibliothèque sur laquelle l'opération travaille</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="428" />
            <source>a, b, c</source>
            <translation>a, b, c</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/param_form.py" line="491" />
            <source>More options</source>
            <translation>Plus d’options</translation>
        </message>
    </context>
    <context>
        <name>ProfilesDialog</name>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="77" />
            <source>Saved profiles</source>
            <translation>Profils enregistrés</translation>
        </message>
        <message>
            <source>No saved profiles yet: save one with asyncops profile save NAME OP -p KEY=VALUE.</source>
            <translation type="vanished">Aucun profil enregistré : enregistrez-en un avec asyncops profile save NOM OP -p CLÉ=VALEUR.</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="99" />
            <source>No saved profiles yet: fill in an operation in New operation and choose Save as profile… (or asyncops profile save NAME OP -p KEY=VALUE).</source>
            <translation>Aucun profil enregistré pour l'instant : remplissez une opération dans Nouvelle opération et choisissez Enregistrer comme profil… (ou asyncops profile save NOM OP -p CLÉ=VALEUR).</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="103" />
            <source>Run now</source>
            <translation>Lancer maintenant</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="104" />
            <source>Remove…</source>
            <translation>Supprimer…</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="105" />
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="121" />
            <source>cron, e.g. 0 2 * * 1-5 (empty: no schedule)</source>
            <translation>cron, p. ex. 0 2 * * 1-5 (vide : pas de planification)</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="133" />
            <source>Schedule:</source>
            <translation>Planification :</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="133" />
            <source>Missed times:</source>
            <translation>Heures manquées :</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="133" />
            <source>Label:</source>
            <translation>Libellé :</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="148" />
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="186" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="187" />
            <source>Operation</source>
            <translation>Opération</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="188" />
            <source>Schedule</source>
            <translation>Planification</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="189" />
            <source>Next run</source>
            <translation>Prochaine exécution</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="190" />
            <source>Last runs</source>
            <translation>Dernières exécutions</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="193" />
            <source>run once at the next start</source>
            <translation>exécuter une fois au prochain démarrage</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="194" />
            <source>skip them</source>
            <translation>les ignorer</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="205" />
            <source>Chain started: jobs %1</source>
            <translation>Chaîne lancée : tâches %1</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="226" />
            <source>never run</source>
            <translation>jamais exécuté</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="281" />
            <source>Job #%1 started</source>
            <translation>Tâche #%1 lancée</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="296" />
            <source>Remove the profile %1? Its jobs stay in the history.</source>
            <translation>Supprimer le profil %1 ? Ses tâches restent dans l'historique.</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="297" />
            <source>Remove profile</source>
            <translation>Supprimer le profil</translation>
        </message>
        <message>
            <location filename="../../desktop/profiles/dialog.py" line="328" />
            <source>Profile %1 saved</source>
            <translation>Profil %1 enregistré</translation>
        </message>
    </context>
    <context>
        <name>PurgeDialog</name>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="423" />
            <source>Purge</source>
            <translation>Purge</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="431" />
            <source>Finished jobs are removed from the history once a day. Active and queued jobs are never purged.</source>
            <translation>Les tâches terminées sont retirées de l’historique une fois par jour. Les tâches actives et en file ne sont jamais purgées.</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="442" />
            <location filename="../../desktop/config/dialogs.py" line="446" />
            <source> days</source>
            <translation> jours</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="451" />
            <source> jobs</source>
            <translation> tâches</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="453" />
            <source>Daily at</source>
            <translation>Chaque jour à</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="454" />
            <source>Keep succeeded jobs</source>
            <translation>Garder les tâches réussies</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="455" />
            <source>Keep failed, stopped and interrupted jobs</source>
            <translation>Garder les tâches échouées, arrêtées et interrompues</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="456" />
            <source>Keep at most</source>
            <translation>En garder au plus</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="465" />
            <source>Purge now</source>
            <translation>Purger maintenant</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="467" />
            <source>Remove the finished jobs these rules select, now</source>
            <translation>Supprimer maintenant les tâches terminées que ces règles désignent</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="529" />
            <source>Must be 0 or more</source>
            <translation>Doit valoir 0 ou plus</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="533" />
            <source>Purging…</source>
            <translation>Purge en cours…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/config/dialogs.py" line="508" />
            <location filename="../../desktop/config/dialogs.py" line="538" />
            <source>%n finished job(s) removed</source>
            <translation>
                <numerusform>%n tâche terminée supprimée</numerusform>
                <numerusform>%n tâches terminées supprimées</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QueuesDialog</name>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="52" />
            <source>Queues</source>
            <translation>Files</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="62" />
            <source>Add</source>
            <translation>Ajouter</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="66" />
            <source>Remove</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="89" />
            <source>%1 (up to “max parallel” at once)</source>
            <translation>%1 (jusqu’à « parallèles max. » à la fois)</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="93" />
            <source>%1 (one at a time, in order)</source>
            <translation>%1 (une à la fois, dans l’ordre)</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="105" />
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="110" />
            <source>Paused (jobs wait until it is resumed)</source>
            <translation>En pause (les tâches attendent sa reprise)</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="115" />
            <source>Run by workers only (asyncops worker), not by this window</source>
            <translation>Exécutée par les workers seulement (asyncops worker), pas par cette fenêtre</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="119" />
            <source>For heavy operations: they run in a separate process and the window stays responsive</source>
            <translation>Pour les opérations lourdes : elles tournent dans un autre processus et la fenêtre reste réactive</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="131" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="132" />
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="133" />
            <source>Max parallel</source>
            <translation>Parallèles max</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="134" />
            <source>Retries</source>
            <translation>Nouvelles tentatives</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="135" />
            <source>Retry delay</source>
            <translation>Délai avant nouvelle tentative</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="136" />
            <source>Priority</source>
            <translation>Priorité</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="137" />
            <source>Operations</source>
            <translation>Opérations</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="144" />
            <source>Operations not listed by any queue go to the default queue.</source>
            <translation>Les opérations qu’aucune file ne liste vont dans la file par défaut.</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="149" />
            <source>Save queue</source>
            <translation>Enregistrer la file</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="162" />
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="185" />
            <source> (paused)</source>
            <translation> (en pause)</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="189" />
            <source>The default queue cannot be removed</source>
            <translation>La file par défaut ne peut pas être supprimée</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="267" />
            <source>A queue named %1 already exists</source>
            <translation>Une file nommée %1 existe déjà</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="284" />
            <source>Remove queue</source>
            <translation>Supprimer la file</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="288" />
            <source>Remove the queue %1?</source>
            <translation>Supprimer la file %1 ?</translation>
        </message>
    </context>
    <context>
        <name>SaveProfileDialog</name>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="40" />
            <source>Save as profile</source>
            <translation>Enregistrer comme profil</translation>
        </message>
        <message>
            <source>Keeps %1 and these parameters under a name, to run again or on a schedule.</source>
            <translation type="vanished">Garde %1 et ces paramètres sous un nom, pour le relancer ou le planifier.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="46" />
            <source>Keeps “%1” and these parameters under a name, to run again or on a schedule.</source>
            <translation>Garde « %1 » et ces paramètres sous un nom, pour le relancer ou le planifier.</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="52" />
            <source>e.g. nightly-export</source>
            <translation>p. ex. export-nocturne</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="55" />
            <source>cron, e.g. 0 2 * * 1-5 (empty: no schedule)</source>
            <translation>cron, p. ex. 0 2 * * 1-5 (vide : pas de planification)</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="57" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="58" />
            <source>Schedule</source>
            <translation>Planification</translation>
        </message>
        <message>
            <location filename="../../desktop/launch/save_profile.py" line="69" />
            <source>Give the profile a name</source>
            <translation>Donnez un nom au profil</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="63" />
            <source>Scheduled</source>
            <translation>Planifiée</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="64" />
            <source>Queued</source>
            <translation>En file</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="65" />
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="66" />
            <source>Stopping</source>
            <translation>Arrêt en cours</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="67" />
            <source>Paused</source>
            <translation>En pause</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="68" />
            <source>Succeeded</source>
            <translation>Réussie</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="69" />
            <source>Failed</source>
            <translation>Échouée</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="70" />
            <source>Stopped</source>
            <translation>Arrêtée</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="71" />
            <source>Interrupted</source>
            <translation>Interrompue</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="77" />
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n avertissement</numerusform>
                <numerusform>%n avertissements</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/presentation.py" line="81" />
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n erreur</numerusform>
                <numerusform>%n erreurs</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ThresholdsDialog</name>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="329" />
            <source>Thresholds</source>
            <translation>Seuils</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="338" />
            <source>A run that counts more items than its threshold goes to the background queue; below, it runs at once and is still recorded in the history.</source>
            <translation>Une exécution qui compte plus d’éléments que son seuil part dans la file en arrière-plan ; en dessous, elle s’exécute immédiatement et reste inscrite dans l’historique.</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="368" />
            <source>No registered operation counts items, so every run goes to its queue.</source>
            <translation>Aucune opération enregistrée ne compte d’éléments : chaque exécution va dans sa file.</translation>
        </message>
        <message>
            <location filename="../../desktop/config/dialogs.py" line="399" />
            <source>Must be 0 or more</source>
            <translation>Doit valoir 0 ou plus</translation>
        </message>
    </context>
    <context>
        <name>Time</name>
        <message>
            <location filename="../../desktop/jobs/latest.py" line="163" />
            <location filename="../../desktop/jobs/presentation.py" line="217" />
            <location filename="../../desktop/jobs/presentation.py" line="227" />
            <source>%1 left</source>
            <translation>reste %1</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="146" />
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="149" />
            <source>%1 min %2 s</source>
            <translation>%1 min %2 s</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="152" />
            <source>%1 h %2 min</source>
            <translation>%1 h %2 min</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="154" />
            <source>%1 d %2 h</source>
            <translation>%1 j %2 h</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="205" />
            <source>%1/s</source>
            <translation>%1/s</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="221" />
            <source>starting…</source>
            <translation>démarrage…</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="222" />
            <source>%1 elapsed</source>
            <translation>en cours depuis %1</translation>
        </message>
    </context>
    <context>
        <name>TimelineWindow</name>
        <message>
            <location filename="../../desktop/timeline/window.py" line="153" />
            <source>Queue %1</source>
            <translation>File %1</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="223" />
            <source>%1
Waited %2: %3</source>
            <translation>%1
A attendu %2 : %3</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="230" />
            <source>%1
%2, ran %3</source>
            <translation>%1
%2, a duré %3</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="239" />
            <source>%1 jobs an hour</source>
            <translation>%1 tâches par heure</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="243" />
            <source>%1: median wait %2</source>
            <translation>%1 : attente médiane %2</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="246" />
            <source>only the most recent %1 jobs are drawn</source>
            <translation>seules les %1 tâches les plus récentes sont dessinées</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="248" />
            <source>hatched: waiting to start (hover for why)</source>
            <translation>hachuré : en attente de démarrage (survolez pour savoir pourquoi)</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="313" />
            <source>Last hour</source>
            <translation>Dernière heure</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="314" />
            <source>Last day</source>
            <translation>Dernier jour</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="315" />
            <source>Last week</source>
            <translation>Dernière semaine</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="319" />
            <source>Timeline</source>
            <translation>Chronologie</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="320" />
            <source>Zoom in</source>
            <translation>Zoom avant</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="321" />
            <source>Zoom out</source>
            <translation>Zoom arrière</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="322" />
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="323" />
            <source>Export PNG…</source>
            <translation>Exporter en PNG…</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="369" />
            <source>Export PNG</source>
            <translation>Exporter en PNG</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="375" />
            <source>Saved %1</source>
            <translation>Enregistré : %1</translation>
        </message>
        <message>
            <location filename="../../desktop/timeline/window.py" line="377" />
            <source>Could not write %1</source>
            <translation>Impossible d'écrire %1</translation>
        </message>
    </context>
    <context>
        <name>Undo</name>
        <message>
            <location filename="../../desktop/details/window.py" line="637" />
            <source>Undo job #%1 (%2)?</source>
            <translation>Défaire la tâche nº %1 (%2) ?</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="638" />
            <source>This starts a new job: %1 — %2.</source>
            <translation>Cela lance une nouvelle tâche : %1 — %2.</translation>
        </message>
        <message>
            <location filename="../../desktop/details/window.py" line="645" />
            <source>Undo</source>
            <translation>Défaire</translation>
        </message>
    </context>
    <context>
        <name>WindowCommands</name>
        <message numerus="yes">
            <location filename="../../desktop/window_commands.py" line="108" />
            <source>Remove %n job(s) and their logs from the history? This cannot be undone.</source>
            <translation>
                <numerusform>Supprimer %n tâche et son journal de l’historique ? C’est irréversible.</numerusform>
                <numerusform>Supprimer %n tâches et leurs journaux de l’historique ? C’est irréversible.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="111" />
            <source>Remove jobs</source>
            <translation>Supprimer des tâches</translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="132" />
            <source>Download CSV</source>
            <translation>Télécharger le CSV</translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="132" />
            <source>CSV files (*.csv)</source>
            <translation>Fichiers CSV (*.csv)</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) written to %1</source>
            <translation type="vanished">
                <numerusform>%n ligne écrite dans %1</numerusform>
                <numerusform>%n lignes écrites dans %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/window_commands.py" line="153" />
            <source>%n job(s) written to %1</source>
            <translation>
                <numerusform>%n tâche écrite dans %1</numerusform>
                <numerusform>%n tâches écrites dans %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/window_commands.py" line="155" />
            <source>Job details and %n log line(s) written to %1</source>
            <translation>
                <numerusform>Détails de la tâche et %n ligne de journal écrits dans %1</numerusform>
                <numerusform>Détails de la tâche et %n lignes de journal écrits dans %1</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="161" />
            <location filename="../../desktop/window_commands.py" line="191" />
            <source>Open job by link</source>
            <translation>Ouvrir une tâche par son lien</translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="161" />
            <source>Job link or number (asyncops://job/ID):</source>
            <translation>Lien ou numéro de la tâche (asyncops://job/ID) :</translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="173" />
            <source>Not a job link</source>
            <translation>Ce n’est pas un lien de tâche</translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="174" />
            <source>“%1” is not a job number or link (asyncops://job/ID).</source>
            <translation>« %1 » n’est ni un numéro ni un lien de tâche (asyncops://job/ID).</translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="188" />
            <source>There is no job #%1 that you can see.</source>
            <translation>Aucune tâche nº %1 visible pour vous.</translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="208" />
            <source>Job #%1: %2</source>
            <translation>Tâche nº %1 : %2</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/window_commands.py" line="238" />
            <source>%n job(s) purged</source>
            <translation>
                <numerusform>%n tâche purgée</numerusform>
                <numerusform>%n tâches purgées</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="246" />
            <source>About asyncops</source>
            <translation>À propos d’asyncops</translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="248" />
            <source>&lt;b&gt;asyncops&lt;/b&gt; — Process Tracker&lt;br&gt;Queues, runs and watches long bulk operations.&lt;br&gt;Database: %1</source>
            <translation>&lt;b&gt;asyncops&lt;/b&gt; — Suivi des processus&lt;br&gt;Met en file, exécute et suit les opérations de masse longues.&lt;br&gt;Base de données : %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/counts.py" line="29" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n tâche</numerusform>
                <numerusform>%n tâches</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/counts.py" line="30" />
            <source>%n running</source>
            <translation>
                <numerusform>%n en cours</numerusform>
                <numerusform>%n en cours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/jobs/counts.py" line="31" />
            <source>%n waiting</source>
            <translation>
                <numerusform>%n en attente</numerusform>
                <numerusform>%n en attente</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation type="vanished">
                <numerusform>%n échouée</numerusform>
                <numerusform>%n échouées</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shown</source>
            <translation type="vanished">
                <numerusform>%n affichée</numerusform>
                <numerusform>%n affichées</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="264" />
            <source>Notifications (%1)</source>
            <translation>Notifications (%1)</translation>
        </message>
        <message>
            <location filename="../../desktop/window_commands.py" line="264" />
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/window_commands.py" line="266" />
            <source>%n unread message(s)</source>
            <translation>
                <numerusform>%n message non lu</numerusform>
                <numerusform>%n messages non lus</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WindowMenus</name>
        <message>
            <location filename="../../desktop/window_menus.py" line="52" />
            <source>&amp;New operation…</source>
            <translation>&amp;Nouvelle opération…</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="56" />
            <source>&amp;Stop</source>
            <translation>&amp;Arrêter</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="57" />
            <source>&amp;Pause</source>
            <translation>&amp;Pause</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="58" />
            <source>Res&amp;ume</source>
            <translation>Rep&amp;rendre</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="62" />
            <source>&amp;Open details</source>
            <translation>&amp;Ouvrir le détail</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="67" />
            <source>&amp;Remove</source>
            <translation>&amp;Supprimer</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="70" />
            <source>Re&amp;try</source>
            <translation>&amp;Relancer</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="73" />
            <source>&amp;Undo…</source>
            <translation>&amp;Défaire…</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="76" />
            <source>Download &amp;CSV…</source>
            <translation>Télécharger le &amp;CSV…</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="79" />
            <source>Open job by &amp;link…</source>
            <translation>Ouvrir une tâche par son &amp;lien…</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="82" />
            <source>Re&amp;fresh</source>
            <translation>Actua&amp;liser</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="84" />
            <source>&amp;Find</source>
            <translation>Rec&amp;hercher</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="85" />
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="87" />
            <source>Move to &amp;top</source>
            <translation>Placer en &amp;tête</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="89" />
            <source>Move &amp;up</source>
            <translation>&amp;Monter</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="91" />
            <source>Move &amp;down</source>
            <translation>&amp;Descendre</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="96" />
            <source>Saved &amp;profiles…</source>
            <translation>&amp;Profils enregistrés…</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="97" />
            <source>&amp;Queues…</source>
            <translation>&amp;Files…</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="98" />
            <source>&amp;Thresholds…</source>
            <translation>&amp;Seuils…</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="99" />
            <source>&amp;Purge…</source>
            <translation>&amp;Purge…</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="100" />
            <source>&amp;About asyncops</source>
            <translation>À &amp;propos d’asyncops</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="105" />
            <source>Jobs</source>
            <translation>Tâches</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="150" />
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="158" />
            <source>&amp;Job</source>
            <translation>&amp;Tâche</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="166" />
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="169" />
            <source>Latest operations panel</source>
            <translation>Panneau des dernières opérations</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="174" />
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="177" />
            <source>&amp;Timeline</source>
            <translation>&amp;Chronologie</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="181" />
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="195" />
            <source>&amp;Settings</source>
            <translation>&amp;Paramètres</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="198" />
            <source>&amp;Help</source>
            <translation>Ai&amp;de</translation>
        </message>
        <message>
            <location filename="../../desktop/window_menus.py" line="204" />
            <source>System language</source>
            <translation>Langue du système</translation>
        </message>
    </context>
    <context>
        <name>Workflow</name>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="386" />
            <source>From the saved profile %1, started by its schedule</source>
            <translation>Du profil enregistré %1, lancée par sa planification</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="388" />
            <source>From the saved profile %1, started by hand</source>
            <translation>Du profil enregistré %1, lancée à la main</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="392" />
            <source>Waits for %1</source>
            <translation>Attend %1</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="392" />
            <source>Came after %1</source>
            <translation>A suivi %1</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="401" />
            <source>Chain %1, step %2 of %3:</source>
            <translation>Chaîne %1, étape %2 sur %3 :</translation>
        </message>
        <message>
            <location filename="../../desktop/jobs/presentation.py" line="401" />
            <source>Chain %1:</source>
            <translation>Chaîne %1 :</translation>
        </message>
    </context>
</TS>