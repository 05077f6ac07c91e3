<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
    <context>
        <name>messages</name>
        <message>
            <source>no chain named {name!r} (see `asyncops chain list`)</source>
            <comment>chain.not_found</comment>
            <translation>aucune chaîne nommée {name!r} (voir `asyncops chain list`)</translation>
        </message>
        <message>
            <source>chain {chain!r}: no profile named {name!r} (save it with `asyncops profile save`)</source>
            <comment>chain.profile_unknown</comment>
            <translation>chaîne {chain!r} : aucun profil nommé {name!r} (enregistrez-le avec `asyncops profile save`)</translation>
        </message>
        <message>
            <source>chain {name} removed</source>
            <comment>cli.chain_removed</comment>
            <translation>chaîne {name} supprimée</translation>
        </message>
        <message>
            <source>chain {name}: run #{run}, {n:plural:job|jobs} {ids:list}</source>
            <comment>cli.chain_run</comment>
            <translation>chaîne {name} : exécution n° {run}, {n:plural:tâche|tâches} {ids:list}</translation>
        </message>
        <message>
            <source>chain {name} saved ({steps:list})</source>
            <comment>cli.chain_saved</comment>
            <translation>chaîne {name} enregistrée ({steps:list})</translation>
        </message>
        <message>
            <source>chain {name} saved ({steps:list}); next run at {when:time}</source>
            <comment>cli.chain_saved_next</comment>
            <translation>chaîne {name} enregistrée ({steps:list}) ; prochaine exécution le {when:time}</translation>
        </message>
        <message>
            <source>no chains; save one with: asyncops chain save NAME PROFILE [PROFILE …]</source>
            <comment>cli.no_chains</comment>
            <translation>aucune chaîne ; enregistrez-en une avec : asyncops chain save NOM PROFIL [PROFIL …]</translation>
        </message>
        <message>
            <source>no profiles; save one with: asyncops profile save NAME OP -p KEY=VALUE</source>
            <comment>cli.no_profiles</comment>
            <translation>aucun profil ; enregistrez-en un avec : asyncops profile save NOM OP -p CLÉ=VALEUR</translation>
        </message>
        <message>
            <source>job {id}: priority {priority}</source>
            <comment>cli.priority_set</comment>
            <translation>tâche n° {id} : priorité {priority}</translation>
        </message>
        <message>
            <source>profile {name} removed</source>
            <comment>cli.profile_removed</comment>
            <translation>profil {name} supprimé</translation>
        </message>
        <message>
            <source>profile {name} saved</source>
            <comment>cli.profile_saved</comment>
            <translation>profil {name} enregistré</translation>
        </message>
        <message>
            <source>profile {name} saved; next run at {when:time}</source>
            <comment>cli.profile_saved_next</comment>
            <translation>profil {name} enregistré ; prochaine exécution le {when:time}</translation>
        </message>
        <message>
            <source>retried {n} failed {n:plural:job|jobs}</source>
            <comment>cli.retried</comment>
            <translation>{n} {n:plural:tâche échouée relancée|tâches échouées relancées}</translation>
        </message>
        <message>
            <source>no failed job to retry</source>
            <comment>cli.retried_none</comment>
            <translation>aucune tâche échouée à relancer</translation>
        </message>
        <message>
            <source>retry: --operation and --since go with --failed</source>
            <comment>cli.retry_filters_alone</comment>
            <translation>retry : --operation et --since vont avec --failed</translation>
        </message>
        <message>
            <source>retry: give a job ID or --failed, not both</source>
            <comment>cli.retry_job_and_failed</comment>
            <translation>retry : donnez un numéro de tâche ou --failed, pas les deux</translation>
        </message>
        <message>
            <source>retry: give a job ID, or --failed to retry every failed job</source>
            <comment>cli.retry_needs_job</comment>
            <translation>retry : donnez un numéro de tâche, ou --failed pour relancer toutes les tâches échouées</translation>
        </message>
        <message>
            <source>--catch-up {value!r}: use none or one</source>
            <comment>cron.catch_up</comment>
            <translation>--catch-up {value!r} : utilisez none ou one</translation>
        </message>
        <message>
            <source>--schedule {expr!r} is not a cron expression of 5 fields (minute hour day month weekday)</source>
            <comment>cron.invalid</comment>
            <translation>--schedule {expr!r} n'est pas une expression cron à 5 champs (minute heure jour mois jour-de-semaine)</translation>
        </message>
        <message>
            <source>--after and --at cannot be combined: a job that waits for others starts when they end</source>
            <comment>flow.after_at</comment>
            <translation>--after et --at ne se combinent pas : une tâche qui en attend d'autres commence quand elles finissent</translation>
        </message>
        <message>
            <source>--after {id}: job #{id} already waits for job #{job}: that would be a cycle</source>
            <comment>flow.after_cycle</comment>
            <translation>--after {id} : la tâche n° {id} attend déjà la tâche n° {job} : ce serait un cycle</translation>
        </message>
        <message>
            <source>--after {id}: job #{id} belongs to another user: not allowed</source>
            <comment>flow.after_foreign</comment>
            <translation>--after {id} : la tâche n° {id} appartient à un autre utilisateur : non autorisé</translation>
        </message>
        <message>
            <source>--after {id}: there is no job #{id}</source>
            <comment>flow.after_unknown</comment>
            <translation>--after {id} : il n'y a pas de tâche n° {id}</translation>
        </message>
        <message>
            <source>not run: job #{id}, which it waited for, ended {status}</source>
            <comment>flow.parent_failed</comment>
            <translation>non exécutée : la tâche n° {id}, qu'elle attendait, s'est terminée {status}</translation>
        </message>
        <message>
            <source>not run: job #{id}, which it waited for, was removed</source>
            <comment>flow.parent_removed</comment>
            <translation>non exécutée : la tâche n° {id}, qu'elle attendait, a été supprimée</translation>
        </message>
        <message>
            <source>--run-anyway needs --after: it says what to do when a job waited for fails</source>
            <comment>flow.run_anyway_alone</comment>
            <translation>--run-anyway demande --after : il dit quoi faire quand une tâche attendue échoue</translation>
        </message>
        <message>
            <source>{text!r} is not a job id or link (a number such as 12, or asyncops://job/12)</source>
            <comment>job.bad_ref</comment>
            <translation>{text!r} n'est ni un numéro de tâche ni un lien (un nombre comme 12, ou asyncops://job/12)</translation>
        </message>
        <message>
            <source>{operation} has no dry run</source>
            <comment>job.no_dry_run</comment>
            <translation>{operation} n'a pas de simulation</translation>
        </message>
        <message>
            <source>the start time {when:time} is in the past: leave it empty to start now</source>
            <comment>launch.at_past</comment>
            <translation>l'heure de début {when:time} est passée : laissez-la vide pour commencer maintenant</translation>
        </message>
        <message>
            <source>unknown operation '{name}' (known: {known})</source>
            <comment>op.unknown</comment>
            <translation>opération inconnue « {name} » (connues : {known})</translation>
        </message>
        <message>
            <source>item {index} is {value}: each item must be text or a number</source>
            <comment>param.bad_item</comment>
            <translation>l'élément {index} vaut {value} : chaque élément doit être un texte ou un nombre</translation>
        </message>
        <message>
            <source>expected a JSON array such as {example}</source>
            <comment>param.expected_array</comment>
            <translation>tableau JSON attendu, par exemple {example}</translation>
        </message>
        <message>
            <source>expected true or false, not {value}</source>
            <comment>param.expected_bool</comment>
            <translation>vrai ou faux attendu, pas {value}</translation>
        </message>
        <message>
            <source>must be one of {choices:list}, not {value}</source>
            <comment>param.expected_choice</comment>
            <translation>doit être l'une des valeurs {choices:list}, pas {value}</translation>
        </message>
        <message>
            <source>expected a whole number, not {value}</source>
            <comment>param.expected_int</comment>
            <translation>nombre entier attendu, pas {value}</translation>
        </message>
        <message>
            <source>expected a finite number, not {value}</source>
            <comment>param.expected_number</comment>
            <translation>nombre fini attendu, pas {value}</translation>
        </message>
        <message>
            <source>expected a JSON object</source>
            <comment>param.expected_object</comment>
            <translation>objet JSON attendu</translation>
        </message>
        <message>
            <source>expected text, got {got}</source>
            <comment>param.expected_text</comment>
            <translation>texte attendu, reçu {got}</translation>
        </message>
        <message>
            <source>expected {type}: {detail}</source>
            <comment>param.expected_type</comment>
            <translation>{type} attendu : {detail}</translation>
        </message>
        <message>
            <source>parameter '{param}': {detail}</source>
            <comment>param.invalid</comment>
            <translation>paramètre « {param} » : {detail}</translation>
        </message>
        <message>
            <source>is required</source>
            <comment>param.required</comment>
            <translation>est obligatoire</translation>
        </message>
        <message>
            <source>must be at most {maximum}, not {value}</source>
            <comment>param.too_large</comment>
            <translation>doit valoir au plus {maximum}, pas {value}</translation>
        </message>
        <message>
            <source>must be at least {minimum}, not {value}</source>
            <comment>param.too_small</comment>
            <translation>doit valoir au moins {minimum}, pas {value}</translation>
        </message>
        <message>
            <source>runs in the background: above the threshold ({items:list})</source>
            <comment>plan.above</comment>
            <translation>s'exécutera en arrière-plan : au-dessus du seuil ({items:list})</translation>
        </message>
        <message>
            <source>goes to its queue: a queue or a start time was chosen</source>
            <comment>plan.chosen_queue</comment>
            <translation>ira dans sa file : une file ou une heure de début a été choisie</translation>
        </message>
        <message>
            <source>runs now: the operation has no threshold</source>
            <comment>plan.no_threshold_now</comment>
            <translation>s'exécutera maintenant : l'opération n'a pas de seuil</translation>
        </message>
        <message>
            <source>goes to its queue: the operation has no threshold</source>
            <comment>plan.no_threshold_queue</comment>
            <translation>ira dans sa file : l'opération n'a pas de seuil</translation>
        </message>
        <message>
            <source>runs now: under the thresholds ({items:list})</source>
            <comment>plan.under</comment>
            <translation>s'exécutera maintenant : sous les seuils ({items:list})</translation>
        </message>
        <message>
            <source>job #{id} is {status}: only a queued or scheduled job can be re-ordered</source>
            <comment>priority.not_waiting</comment>
            <translation>la tâche n° {id} est {status} : seule une tâche en file ou programmée peut être réordonnée</translation>
        </message>
        <message>
            <source>{kind} name {name!r}: use letters, digits, '.', '_' or '-' (at most 100 characters)</source>
            <comment>profile.bad_name</comment>
            <translation>nom de {kind} {name!r} : utilisez des lettres, des chiffres, '.', '_' ou '-' (100 caractères au plus)</translation>
        </message>
        <message>
            <source>profile {name!r} is a step of chain {chain!r}: remove the chain first</source>
            <comment>profile.in_chain</comment>
            <translation>le profil {name!r} est une étape de la chaîne {chain!r} : supprimez d'abord la chaîne</translation>
        </message>
        <message>
            <source>no profile named {name!r} (see `asyncops profile list`)</source>
            <comment>profile.not_found</comment>
            <translation>aucun profil nommé {name!r} (voir `asyncops profile list`)</translation>
        </message>
        <message>
            <source>--queue: no queue named {queue!r} (queues: {queues:list})</source>
            <comment>profile.queue_unknown</comment>
            <translation>--queue : aucune file nommée {queue!r} (files : {queues:list})</translation>
        </message>
        <message>
            <source>--since {text!r}: use a duration such as 30m, 12h, 2d or 1w</source>
            <comment>retry.bad_since</comment>
            <translation>--since {text!r} : utilisez une durée comme 30m, 12h, 2d ou 1w</translation>
        </message>
        <message>
            <source>job #{id} not retried: {reason}</source>
            <comment>retry.skipped</comment>
            <translation>tâche n° {id} non relancée : {reason}</translation>
        </message>
        <message>
            <source>--operation {name!r}: no such operation (see `asyncops operations`)</source>
            <comment>retry.unknown_operation</comment>
            <translation>--operation {name!r} : opération inconnue (voir `asyncops operations`)</translation>
        </message>
        <message>
            <source>job #{id} ({operation}) cannot be undone</source>
            <comment>undo.impossible</comment>
            <translation>la tâche n° {id} ({operation}) ne peut pas être annulée</translation>
        </message>
        <message>
            <source>Undo #{id}: {label}</source>
            <comment>undo.label</comment>
            <translation>Annulation de n° {id} : {label}</translation>
        </message>
        <message>
            <source>job #{id} is {status}: only a finished job can be undone</source>
            <comment>undo.not_finished</comment>
            <translation>la tâche n° {id} est {status} : seule une tâche terminée peut être annulée</translation>
        </message>
        <message>
            <source>{user} is not an admin: not allowed</source>
            <comment>users.not_admin</comment>
            <translation>{user} n'est pas administrateur : action non autorisée</translation>
        </message>
        <message>
            <source>waits for job #{id}</source>
            <comment>wait.after</comment>
            <translation>attend la tâche n° {id}</translation>
        </message>
        <message>
            <source>waits for job #{id} and {more} more</source>
            <comment>wait.after_more</comment>
            <translation>attend la tâche n° {id} et {more} autre(s)</translation>
        </message>
        <message>
            <source>next in queue</source>
            <comment>wait.next</comment>
            <translation>prochaine dans la file</translation>
        </message>
        <message>
            <source>no engine is running for this queue (open asyncops or start `asyncops worker`)</source>
            <comment>wait.no_engine</comment>
            <translation>aucun moteur ne sert cette file (ouvrez asyncops ou lancez `asyncops worker`)</translation>
        </message>
        <message>
            <source>no worker is running for this queue (start `asyncops worker`)</source>
            <comment>wait.no_worker</comment>
            <translation>aucun worker ne sert cette file (lancez `asyncops worker`)</translation>
        </message>
        <message>
            <source>queue full ({running}/{capacity} running)</source>
            <comment>wait.queue_full</comment>
            <translation>file pleine ({running}/{capacity} en cours)</translation>
        </message>
        <message>
            <source>queue {queue} no longer exists</source>
            <comment>wait.queue_gone</comment>
            <translation>la file {queue} n'existe plus</translation>
        </message>
        <message>
            <source>queue {queue} paused</source>
            <comment>wait.queue_paused</comment>
            <translation>file {queue} en pause</translation>
        </message>
        <message>
            <source>retry {attempt}/{attempts} at {when:time}</source>
            <comment>wait.retry</comment>
            <translation>nouvel essai {attempt}/{attempts} le {when:time}</translation>
        </message>
        <message>
            <source>scheduled for {when:time}</source>
            <comment>wait.scheduled</comment>
            <translation>programmée pour le {when:time}</translation>
        </message>
    </context>
    <context>
        <name>operations</name>
        <message>
            <source>ordered</source>
            <translation>ordonnée</translation>
        </message>
        <message>
            <source>parallel</source>
            <translation>parallèle</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>Commande</translation>
        </message>
        <message>
            <source>Run a program or a shell line in the background. Each line of stdout and stderr goes to the job log; lines matching the warning pattern count as warnings; exit code 0 succeeds, anything else fails. A line 'PROGRESS done/total' moves the progress bar.</source>
            <translation>Exécute un programme ou une ligne de shell en arrière-plan. Chaque ligne de stdout et stderr va dans le journal de la tâche ; les lignes qui correspondent au motif d'avertissement comptent comme avertissements ; le code de sortie 0 réussit, tout autre échoue. Une ligne « PROGRESS fait/total » fait avancer la barre de progression.</translation>
        </message>
        <message>
            <source>Argv</source>
            <translation>Arguments</translation>
        </message>
        <message>
            <source>the program and its arguments, as a JSON array: ["sh","-c","echo hi"]</source>
            <translation>le programme et ses arguments, en tableau JSON : ["sh","-c","echo salut"]</translation>
        </message>
        <message>
            <source>Cmd</source>
            <translation>Ligne de commande</translation>
        </message>
        <message>
            <source>a command line (split like a shell does, or run by /bin/sh with shell=true)</source>
            <translation>une ligne de commande (découpée comme le fait un shell, ou exécutée par /bin/sh avec shell=true)</translation>
        </message>
        <message>
            <source>Shell</source>
            <translation>Shell</translation>
        </message>
        <message>
            <source>run cmd through /bin/sh</source>
            <translation>exécuter la ligne de commande avec /bin/sh</translation>
        </message>
        <message>
            <source>Cwd</source>
            <translation>Dossier de travail</translation>
        </message>
        <message>
            <source>working folder (default: the engine's)</source>
            <translation>dossier de travail (par défaut : celui du moteur)</translation>
        </message>
        <message>
            <source>Env</source>
            <translation>Environnement</translation>
        </message>
        <message>
            <source>extra environment variables, as a JSON object: {"LANG":"C"}</source>
            <translation>variables d'environnement en plus, en objet JSON : {"LANG":"C"}</translation>
        </message>
        <message>
            <source>Warning pattern</source>
            <translation>Motif d'avertissement</translation>
        </message>
        <message>
            <source>regular expression of warning lines</source>
            <translation>expression régulière des lignes d'avertissement</translation>
        </message>
        <message>
            <source>Progress pattern</source>
            <translation>Motif de progression</translation>
        </message>
        <message>
            <source>regular expression with groups done and total</source>
            <translation>expression régulière avec les groupes done et total</translation>
        </message>
        <message>
            <source>Grace</source>
            <translation>Délai de grâce</translation>
        </message>
        <message>
            <source>seconds between SIGTERM and SIGKILL when stopped</source>
            <translation>secondes entre SIGTERM et SIGKILL à l'arrêt</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>Delete files and folders of a library: into the trash (restorable, undo brings them back) or permanently. References from other files to what is deleted are reported as warnings.</source>
            <translation>Supprime des fichiers et dossiers d'une bibliothèque : dans la corbeille (restaurables, l'annulation les ramène) ou définitivement. Les références d'autres fichiers vers ce qui est supprimé sont signalées comme avertissements.</translation>
        </message>
        <message>
            <source>assets</source>
            <translation>ressources</translation>
        </message>
        <message>
            <source>folders</source>
            <translation>dossiers</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>Bibliothèque</translation>
        </message>
        <message>
            <source>the library's name (see: asyncops library list)</source>
            <translation>le nom de la bibliothèque (voir : asyncops library list)</translation>
        </message>
        <message>
            <source>Paths</source>
            <translation>Chemins</translation>
        </message>
        <message>
            <source>files and folders, relative to the library</source>
            <translation>fichiers et dossiers, relatifs à la bibliothèque</translation>
        </message>
        <message>
            <source>Permanent</source>
            <translation>Définitivement</translation>
        </message>
        <message>
            <source>delete for good instead of moving to the trash</source>
            <translation>supprimer pour de bon au lieu de mettre à la corbeille</translation>
        </message>
        <message>
            <source>Fetch</source>
            <translation>Télécharger</translation>
        </message>
        <message>
            <source>Download URLs into a library folder, several at a time, resuming partial downloads (HTTP Range), checking checksums when given; the files are indexed when done.</source>
            <translation>Télécharge des URL dans un dossier de bibliothèque, plusieurs à la fois, en reprenant les téléchargements partiels (HTTP Range) et en vérifiant les sommes de contrôle données ; les fichiers sont indexés à la fin.</translation>
        </message>
        <message>
            <source>urls</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Dossier</translation>
        </message>
        <message>
            <source>the library folder to download into</source>
            <translation>le dossier de la bibliothèque où télécharger</translation>
        </message>
        <message>
            <source>Urls</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>the URLs (http or https)</source>
            <translation>les URL (http ou https)</translation>
        </message>
        <message>
            <source>Url file</source>
            <translation>Fichier d'URL</translation>
        </message>
        <message>
            <source>a file with one URL a line, optionally followed by a checksum (sha256:HEX); blank lines and # comments are ignored</source>
            <translation>un fichier avec une URL par ligne, éventuellement suivie d'une somme de contrôle (sha256:HEX) ; les lignes vides et les commentaires # sont ignorés</translation>
        </message>
        <message>
            <source>Checksums</source>
            <translation>Sommes de contrôle</translation>
        </message>
        <message>
            <source>expected checksums by URL: {"https://…/a.zip": "sha256:…"}</source>
            <translation>sommes de contrôle attendues par URL : {"https://…/a.zip": "sha256:…"}</translation>
        </message>
        <message>
            <source>Parallel</source>
            <translation>En parallèle</translation>
        </message>
        <message>
            <source>downloads at a time</source>
            <translation>téléchargements simultanés</translation>
        </message>
        <message>
            <source>Overwrite</source>
            <translation>Écraser</translation>
        </message>
        <message>
            <source>replace files that already exist</source>
            <translation>remplacer les fichiers qui existent déjà</translation>
        </message>
        <message>
            <source>Timeout</source>
            <translation>Délai d'attente</translation>
        </message>
        <message>
            <source>seconds without data before a download fails</source>
            <translation>secondes sans données avant qu'un téléchargement échoue</translation>
        </message>
        <message>
            <source>Mass edit</source>
            <translation>Modification en masse</translation>
        </message>
        <message>
            <source>Set or clear a property, add or remove tags, on every asset that matches a filter.</source>
            <translation>Définit ou efface une propriété, ajoute ou retire des mots-clés, sur chaque ressource qui correspond à un filtre.</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>Filtre</translation>
        </message>
        <message>
            <source>terms, all of which must match: folder:PATH glob:*.jpg tag:NAME type:image/* KEY=VALUE</source>
            <translation>termes qui doivent tous correspondre : folder:CHEMIN glob:*.jpg tag:NOM type:image/* CLÉ=VALEUR</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>Définir</translation>
        </message>
        <message>
            <source>KEY=VALUE (KEY may be typed: rating{{Long}}=5), or a JSON object {"KEY": VALUE}</source>
            <translation>CLÉ=VALEUR (la CLÉ peut être typée : rating{{Long}}=5), ou un objet JSON {"CLÉ": VALEUR}</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Effacer</translation>
        </message>
        <message>
            <source>properties to clear</source>
            <translation>propriétés à effacer</translation>
        </message>
        <message>
            <source>Add tags</source>
            <translation>Ajouter des mots-clés</translation>
        </message>
        <message>
            <source>tags to add</source>
            <translation>mots-clés à ajouter</translation>
        </message>
        <message>
            <source>Remove tags</source>
            <translation>Retirer des mots-clés</translation>
        </message>
        <message>
            <source>tags to remove</source>
            <translation>mots-clés à retirer</translation>
        </message>
        <message>
            <source>Export metadata</source>
            <translation>Exporter les métadonnées</translation>
        </message>
        <message>
            <source>Write the metadata of a folder's assets (optionally with subfolders; all or chosen properties) to a CSV file with typed headers, streamed in constant memory.</source>
            <translation>Écrit les métadonnées des ressources d'un dossier (avec ses sous-dossiers si demandé ; toutes les propriétés ou celles choisies) dans un fichier CSV aux en-têtes typés, en flux à mémoire constante.</translation>
        </message>
        <message>
            <source>the folder (default: the library root)</source>
            <translation>le dossier (par défaut : la racine de la bibliothèque)</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Sortie</translation>
        </message>
        <message>
            <source>the CSV file to write (replaced when complete)</source>
            <translation>le fichier CSV à écrire (remplacé une fois complet)</translation>
        </message>
        <message>
            <source>Subfolders</source>
            <translation>Sous-dossiers</translation>
        </message>
        <message>
            <source>include the assets of subfolders</source>
            <translation>inclure les ressources des sous-dossiers</translation>
        </message>
        <message>
            <source>Properties</source>
            <translation>Propriétés</translation>
        </message>
        <message>
            <source>only these properties, e.g. dc:title,cq:tags,client{{Long}} (default: all of them)</source>
            <translation>seulement ces propriétés, par ex. dc:title,cq:tags,client{{Long}} (par défaut : toutes)</translation>
        </message>
        <message>
            <source>Separator</source>
            <translation>Séparateur</translation>
        </message>
        <message>
            <source>field separator</source>
            <translation>séparateur de champs</translation>
        </message>
        <message>
            <source>Multi delimiter</source>
            <translation>Délimiteur multivaleur</translation>
        </message>
        <message>
            <source>between the values of a multi-value property</source>
            <translation>entre les valeurs d'une propriété multivaleur</translation>
        </message>
        <message>
            <source>Excel</source>
            <translation>Excel</translation>
        </message>
        <message>
            <source>for spreadsheets: a byte-order mark and ';' as separator (unless separator is given)</source>
            <translation>pour les tableurs : une marque d'ordre des octets et « ; » comme séparateur (sauf si un séparateur est donné)</translation>
        </message>
        <message>
            <source>Path column</source>
            <translation>Colonne du chemin</translation>
        </message>
        <message>
            <source>name of the path column</source>
            <translation>nom de la colonne du chemin</translation>
        </message>
        <message>
            <source>Import metadata</source>
            <translation>Importer des métadonnées</translation>
        </message>
        <message>
            <source>Read asset metadata from a CSV file (path column and typed headers, as written by metadata-export) and apply good rows in transactional batches; unknown paths, bad values and malformed lines are reported as warnings with their line and column.</source>
            <translation>Lit les métadonnées des ressources dans un fichier CSV (colonne du chemin et en-têtes typés, comme les écrit metadata-export) et applique les lignes correctes par lots transactionnels ; les chemins inconnus, les valeurs incorrectes et les lignes mal formées sont signalés comme avertissements avec leur ligne et leur colonne.</translation>
        </message>
        <message>
            <source>rows</source>
            <translation>lignes</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Entrée</translation>
        </message>
        <message>
            <source>the CSV file</source>
            <translation>le fichier CSV</translation>
        </message>
        <message>
            <source>the column with the asset path</source>
            <translation>la colonne qui contient le chemin de la ressource</translation>
        </message>
        <message>
            <source>Batch size</source>
            <translation>Taille des lots</translation>
        </message>
        <message>
            <source>rows per transaction</source>
            <translation>lignes par transaction</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Déplacer</translation>
        </message>
        <message>
            <source>Move files and folders into another folder of the library, keeping their names. The catalogue follows and every document that referred to a moved file is rewritten so its links still resolve. Resumable: a move cut short is completed by resuming or running it again.</source>
            <translation>Déplace des fichiers et dossiers dans un autre dossier de la bibliothèque, en gardant leurs noms. Le catalogue suit et chaque document qui faisait référence à un fichier déplacé est réécrit pour que ses liens restent valides. Reprenable : un déplacement interrompu est achevé en le reprenant ou en le relançant.</translation>
        </message>
        <message>
            <source>references</source>
            <translation>références</translation>
        </message>
        <message>
            <source>files and folders to move, relative to the library</source>
            <translation>fichiers et dossiers à déplacer, relatifs à la bibliothèque</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>Destination</translation>
        </message>
        <message>
            <source>the folder they go into (created when missing)</source>
            <translation>le dossier où ils vont (créé s'il manque)</translation>
        </message>
        <message>
            <source>On clash</source>
            <translation>En cas de conflit</translation>
        </message>
        <message>
            <source>when the destination already has an item of that name: refuse the move (nothing moves), overwrite it (the old one goes to the trash) or rename the moved item</source>
            <translation>quand la destination a déjà un élément de ce nom : refuser le déplacement (rien ne bouge), l'écraser (l'ancien va à la corbeille) ou renommer l'élément déplacé</translation>
        </message>
        <message>
            <source>refuse</source>
            <translation>refuser</translation>
        </message>
        <message>
            <source>overwrite</source>
            <translation>écraser</translation>
        </message>
        <message>
            <source>rename</source>
            <translation>renommer</translation>
        </message>
        <message>
            <source>Pairs</source>
            <translation>Paires</translation>
        </message>
        <message>
            <source>explicit moves instead of paths+destination: [["old/a.md", "new/b.md"], ...] (used by undo)</source>
            <translation>déplacements explicites au lieu de chemins+destination : [["ancien/a.md", "nouveau/b.md"], ...] (utilisé par l'annulation)</translation>
        </message>
        <message>
            <source>Restore from trash</source>
            <translation>Restaurer depuis la corbeille</translation>
        </message>
        <message>
            <source>Bring files and folders deleted to the trash back to their place (the undo of a delete).</source>
            <translation>Remet à leur place des fichiers et dossiers supprimés dans la corbeille (l'annulation d'une suppression).</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Éléments</translation>
        </message>
        <message>
            <source>what to restore: [{"path": "docs/a.md", "trash": "/home/me/.local/share/Trash/files/a.md"}]</source>
            <translation>quoi restaurer : [{"path": "docs/a.md", "trash": "/home/moi/.local/share/Trash/files/a.md"}]</translation>
        </message>
        <message>
            <source>Scan library</source>
            <translation>Analyser la bibliothèque</translation>
        </message>
        <message>
            <source>Index a library: every file and folder, the metadata of each asset and the references between files (Markdown, HTML, CSS). A re-scan only reads what changed.</source>
            <translation>Indexe une bibliothèque : chaque fichier et dossier, les métadonnées de chaque ressource et les références entre fichiers (Markdown, HTML, CSS). Une nouvelle analyse ne lit que ce qui a changé.</translation>
        </message>
        <message>
            <source>only this folder of the library (default: all of it)</source>
            <translation>seulement ce dossier de la bibliothèque (par défaut : toute la bibliothèque)</translation>
        </message>
        <message>
            <source>Force</source>
            <translation>Forcer</translation>
        </message>
        <message>
            <source>re-read every file, changed or not</source>
            <translation>relire chaque fichier, modifié ou non</translation>
        </message>
    </context>
</TS>