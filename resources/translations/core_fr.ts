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
            <source>{text!r} is out of range: give a number from {lo} to {hi}</source>
            <comment>cli.out_of_range</comment>
            <translation>{text!r} est hors limites : donnez un nombre de {lo} à {hi}</translation>
        </message>
        <message>
            <source>job {id}: pause requested, still {status} (it pauses at its next item)</source>
            <comment>cli.pause_requested</comment>
            <translation>tâche {id} : pause demandée, encore {status} (elle se met en pause à son prochain élément)</translation>
        </message>
        <message>
            <source>job {id}: {status}</source>
            <comment>cli.paused</comment>
            <translation>tâche {id} : {status}</translation>
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
            <source>job {id}: resume requested, still {status}</source>
            <comment>cli.resume_requested</comment>
            <translation>tâche {id} : reprise demandée, encore {status}</translation>
        </message>
        <message>
            <source>job {id}: {status}</source>
            <comment>cli.resumed</comment>
            <translation>tâche {id} : {status}</translation>
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
            <source>values must be text or numbers</source>
            <comment>command.bad_env</comment>
            <translation>les valeurs doivent être du texte ou des nombres</translation>
        </message>
        <message>
            <source>not an environment variable name: {names:list} (letters, digits and _, not first a digit)</source>
            <comment>command.bad_env_name</comment>
            <translation>pas un nom de variable d'environnement : {names:list} (lettres, chiffres et _, sans chiffre en premier)</translation>
        </message>
        <message>
            <source>not a valid regular expression: {error}</source>
            <comment>command.bad_pattern</comment>
            <translation>expression régulière non valide : {error}</translation>
        </message>
        <message>
            <source>cannot split the command line: {error}</source>
            <comment>command.cannot_split</comment>
            <translation>impossible de découper la ligne de commande : {error}</translation>
        </message>
        <message>
            <source>cannot start {program}: {reason}</source>
            <comment>command.cannot_start</comment>
            <translation>impossible de lancer {program} : {reason}</translation>
        </message>
        <message>
            <source>is empty</source>
            <comment>command.empty</comment>
            <translation>est vide</translation>
        </message>
        <message>
            <source>exit code {exit_code}</source>
            <comment>command.exit_code</comment>
            <translation>code de sortie {exit_code}</translation>
        </message>
        <message>
            <source>exited with code {exit_code}</source>
            <comment>command.exited</comment>
            <translation>terminé avec le code {exit_code}</translation>
        </message>
        <message>
            <source>the program exited leaving {n} {n:plural:process|processes} of its process group running: ending {n:plural:it|them} (SIGTERM, then SIGKILL after {grace:g}s)</source>
            <comment>command.leftovers</comment>
            <translation>le programme s'est terminé en laissant {n} {n:plural:processus|processus} de son groupe en cours : arrêt de {n:plural:celui-ci|ceux-ci} (SIGTERM, puis SIGKILL après {grace:g} s)</translation>
        </message>
        <message>
            <source>{n} of them ignored SIGTERM for {grace:g}s: sent SIGKILL to the process group</source>
            <comment>command.leftovers_killed</comment>
            <translation>{n} d'entre eux {n:plural:a ignoré|ont ignoré} SIGTERM pendant {grace:g} s : SIGKILL envoyé au groupe de processus</translation>
        </message>
        <message>
            <source>{n} output {n:plural:line|lines} could not be logged ({error})</source>
            <comment>command.lines_lost</comment>
            <translation>{n} {n:plural:ligne de sortie non journalisée|lignes de sortie non journalisées} ({error})</translation>
        </message>
        <message>
            <source>{path} is not a folder</source>
            <comment>command.not_a_folder</comment>
            <translation>{path} n'est pas un dossier</translation>
        </message>
        <message>
            <source>program not found: {program}</source>
            <comment>command.not_found</comment>
            <translation>programme introuvable : {program}</translation>
        </message>
        <message>
            <source>give exactly one of argv or cmd</source>
            <comment>command.one_of</comment>
            <translation>donnez exactement un des paramètres argv ou cmd</translation>
        </message>
        <message>
            <source>shell=true needs cmd (a command line), not argv</source>
            <comment>command.shell_needs_cmd</comment>
            <translation>shell=true nécessite cmd (une ligne de commande), pas argv</translation>
        </message>
        <message>
            <source>{n} {n:plural:process|processes} ignored SIGTERM for {grace:g}s: sending SIGKILL</source>
            <comment>command.sigkill</comment>
            <translation>{n} {n:plural:processus a ignoré|processus ont ignoré} SIGTERM pendant {grace:g} s : envoi de SIGKILL</translation>
        </message>
        <message>
            <source>sending SIGTERM to {n} {n:plural:process|processes}</source>
            <comment>command.sigterm</comment>
            <translation>envoi de SIGTERM à {n} {n:plural:processus|processus}</translation>
        </message>
        <message>
            <source>$ {command}</source>
            <comment>command.started</comment>
            <translation>$ {command}</translation>
        </message>
        <message>
            <source>stopped: the program ended with code {exit_code}</source>
            <comment>command.stopped_code</comment>
            <translation>arrêté : le programme s'est terminé avec le code {exit_code}</translation>
        </message>
        <message>
            <source>stopped: the program ended by signal {signal}</source>
            <comment>command.stopped_signal</comment>
            <translation>arrêté : le programme a été terminé par le signal {signal}</translation>
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
            <source>line {line}: not UTF-8 text ({reason}); not read</source>
            <comment>csv.encoding</comment>
            <translation>ligne {line} : pas du texte UTF-8 ({reason}) ; non lue</translation>
        </message>
        <message>
            <source>lines {start}–{end}: line {line} of this record is not UTF-8 text; not read</source>
            <comment>csv.encoding_in_record</comment>
            <translation>lignes {start}–{end} : la ligne {line} de cet enregistrement n'est pas du texte UTF-8 ; non lues</translation>
        </message>
        <message>
            <source>lines {start}–{end}: malformed CSV ({reason}); not read</source>
            <comment>csv.malformed</comment>
            <translation>lignes {start}–{end} : CSV mal formé ({reason}) ; non lues</translation>
        </message>
        <message>
            <source>line {start}: malformed CSV ({reason}); not read</source>
            <comment>csv.malformed_line</comment>
            <translation>ligne {start} : CSV mal formé ({reason}) ; non lue</translation>
        </message>
        <message>
            <source>a quote opened on line {start} is never closed: lines {start}–{end} not read</source>
            <comment>csv.unclosed_quote</comment>
            <translation>un guillemet ouvert à la ligne {start} n'est jamais fermé : lignes {start}–{end} non lues</translation>
        </message>
        <message>
            <source>{url} is an in-memory database: the jobs written there vanish when the command ends; a job store must be a file: give a file path, e.g. --db ~/asyncops.db</source>
            <comment>db.in_memory</comment>
            <translation>{url} est une base de données en mémoire : les tâches qui y sont écrites disparaissent à la fin de la commande ; un magasin de tâches doit être un fichier : donnez un chemin de fichier, par ex. --db ~/asyncops.db</translation>
        </message>
        <message>
            <source>{path} is not a regular file (a pipe, device or socket): name a database file</source>
            <comment>db.not_a_file</comment>
            <translation>{path} n'est pas un fichier ordinaire (un tube, un périphérique ou une socket) : nommez un fichier de base de données</translation>
        </message>
        <message>
            <source>{source} line {line} refers to {target} ({link!r}), which is deleted</source>
            <comment>delete.broken_ref</comment>
            <translation>{source} ligne {line} fait référence à {target} ({link!r}), qui est supprimé</translation>
        </message>
        <message>
            <source>cannot delete: {reason}</source>
            <comment>delete.cannot</comment>
            <translation>suppression impossible : {reason}</translation>
        </message>
        <message>
            <source>deleted {deleted} of {n} {n:plural:item|items} {where}: {files} {files:plural:file|files}, {folders} {folders:plural:folder|folders}</source>
            <comment>delete.done</comment>
            <translation>{deleted} sur {n} {n:plural:élément supprimé|éléments supprimés} {where} : {files} {files:plural:fichier|fichiers}, {folders} {folders:plural:dossier|dossiers}</translation>
        </message>
        <message>
            <source>nothing was deleted: {paths:list}</source>
            <comment>delete.none</comment>
            <translation>rien n'a été supprimé : {paths:list}</translation>
        </message>
        <message>
            <source>stopped: the remaining items were not deleted</source>
            <comment>delete.stopped</comment>
            <translation>arrêté : les éléments restants n'ont pas été supprimés</translation>
        </message>
        <message>
            <source>permanently</source>
            <comment>delete.where_permanent</comment>
            <translation>définitivement</translation>
        </message>
        <message>
            <source>to the trash</source>
            <comment>delete.where_trash</comment>
            <translation>dans la corbeille</translation>
        </message>
        <message>
            <source>would delete {files} {files:plural:file|files} and {folders} {folders:plural:folder|folders} {where}; {references} {references:plural:reference|references} from other files would break</source>
            <comment>delete.would</comment>
            <translation>supprimerait {files} {files:plural:fichier|fichiers} et {folders} {folders:plural:dossier|dossiers} {where} ; casserait {references} {references:plural:référence|références} venant d'autres fichiers</translation>
        </message>
        <message>
            <source>delete {path}</source>
            <comment>delete.would_item</comment>
            <translation>supprimer {path}</translation>
        </message>
        <message>
            <source>still running when its engine's shutdown grace of {grace:g}s ran out</source>
            <comment>engine.grace_over</comment>
            <translation>toujours en cours quand le délai d'arrêt de {grace:g} s de son moteur a expiré</translation>
        </message>
        <message>
            <source>its engine shut down: ended its process group {pgid} ({signal})</source>
            <comment>engine.group_ended</comment>
            <translation>son moteur s'est arrêté : son groupe de processus {pgid} a été terminé ({signal})</translation>
        </message>
        <message>
            <source>its engine shut down: ended its process group {pgid} ({n} {n:plural:process|processes} still running {after:g}s after SIGTERM: SIGKILL)</source>
            <comment>engine.group_killed</comment>
            <translation>son moteur s'est arrêté : son groupe de processus {pgid} a été terminé ({n} {n:plural:processus toujours en cours|processus toujours en cours} {after:g} s après SIGTERM : SIGKILL)</translation>
        </message>
        <message>
            <source>failed: {reason}</source>
            <comment>engine.op_failed</comment>
            <translation>échec : {reason}</translation>
        </message>
        <message>
            <source>attempt {attempt} failed ({reason}); retrying in {delay:g}s</source>
            <comment>engine.retrying</comment>
            <translation>l'essai {attempt} a échoué ({reason}) ; nouvel essai dans {delay:g} s</translation>
        </message>
        <message>
            <source>{traceback}</source>
            <comment>engine.traceback</comment>
            <translation>{traceback}</translation>
        </message>
        <message>
            <source>{text!r} is not a checksum such as sha256:0123abcd… (algorithms: {algorithms:list})</source>
            <comment>fetch.bad_checksum</comment>
            <translation>{text!r} n'est pas une somme de contrôle comme sha256:0123abcd… (algorithmes : {algorithms:list})</translation>
        </message>
        <message>
            <source>{url}: expected text such as sha256:…</source>
            <comment>fetch.bad_checksum_value</comment>
            <translation>{url} : texte du type sha256:… attendu</translation>
        </message>
        <message>
            <source>line {line}: expected URL [CHECKSUM], not {text!r}</source>
            <comment>fetch.bad_line</comment>
            <translation>ligne {line} : URL [SOMME] attendu, pas {text!r}</translation>
        </message>
        <message>
            <source>unexpected Content-Range {range!r}; downloading again from the start</source>
            <comment>fetch.bad_range</comment>
            <translation>Content-Range inattendu {range!r} ; nouveau téléchargement depuis le début</translation>
        </message>
        <message>
            <source>cannot connect: {reason}</source>
            <comment>fetch.cannot_connect</comment>
            <translation>connexion impossible : {reason}</translation>
        </message>
        <message>
            <source>checksum mismatch: expected {expected}, got {got}; the download was discarded</source>
            <comment>fetch.checksum</comment>
            <translation>somme de contrôle incorrecte : {expected} attendue, {got} obtenue ; le téléchargement a été supprimé</translation>
        </message>
        <message>
            <source>download cut off after {bytes} bytes: {reason}; run again to resume</source>
            <comment>fetch.cut_off</comment>
            <translation>téléchargement interrompu après {bytes} octets : {reason} ; relancez pour reprendre</translation>
        </message>
        <message>
            <source>the total deadline passed: the downloads still running were stopped</source>
            <comment>fetch.deadline</comment>
            <translation>le délai total est dépassé : les téléchargements encore en cours ont été arrêtés</translation>
        </message>
        <message>
            <source>{downloaded} downloaded ({bytes} bytes), {skipped} skipped, {failed} failed</source>
            <comment>fetch.done</comment>
            <translation>téléchargés : {downloaded} ({bytes} octets), ignorés : {skipped}, en échec : {failed}</translation>
        </message>
        <message>
            <source>downloaded {name} ({bytes} bytes)</source>
            <comment>fetch.downloaded</comment>
            <translation>{name} téléchargé ({bytes} octets)</translation>
        </message>
        <message>
            <source>{name} already exists; skipped (overwrite=true replaces it)</source>
            <comment>fetch.exists</comment>
            <translation>{name} existe déjà ; ignoré (overwrite=true le remplace)</translation>
        </message>
        <message>
            <source>{name} exists with another checksum; not replaced (overwrite=true replaces it)</source>
            <comment>fetch.exists_other</comment>
            <translation>{name} existe avec une autre somme de contrôle ; non remplacé (overwrite=true le remplace)</translation>
        </message>
        <message>
            <source>failed: {reason}</source>
            <comment>fetch.failed</comment>
            <translation>échec : {reason}</translation>
        </message>
        <message>
            <source>HTTP {status} {reason}</source>
            <comment>fetch.http</comment>
            <translation>HTTP {status} {reason}</translation>
        </message>
        <message>
            <source>incomplete: {written} of {expected} bytes; run again to resume</source>
            <comment>fetch.incomplete</comment>
            <translation>incomplet : {written} octets sur {expected} ; relancez pour reprendre</translation>
        </message>
        <message>
            <source>no URL given</source>
            <comment>fetch.no_url</comment>
            <translation>aucune URL donnée</translation>
        </message>
        <message>
            <source>{path!r} is a file, not a folder</source>
            <comment>fetch.not_folder</comment>
            <translation>{path!r} est un fichier, pas un dossier</translation>
        </message>
        <message>
            <source>{url!r} is not an http(s) URL</source>
            <comment>fetch.not_http</comment>
            <translation>{url!r} n'est pas une URL http(s)</translation>
        </message>
        <message>
            <source>(exists: replaced)</source>
            <comment>fetch.note_replaced</comment>
            <translation>(existe : remplacé)</translation>
        </message>
        <message>
            <source>(partly downloaded: resumed)</source>
            <comment>fetch.note_resumed</comment>
            <translation>(partiellement téléchargé : repris)</translation>
        </message>
        <message>
            <source>(exists: skipped)</source>
            <comment>fetch.note_skipped</comment>
            <translation>(existe : ignoré)</translation>
        </message>
        <message>
            <source>give exactly one of urls or url_file</source>
            <comment>fetch.one_of</comment>
            <translation>donnez exactement un des paramètres urls ou url_file</translation>
        </message>
        <message>
            <source>{name} was not a partial download of ours (a link or a folder); removed, starting over</source>
            <comment>fetch.part_replaced</comment>
            <translation>{name} n'était pas un de nos téléchargements partiels (un lien ou un dossier) ; supprimé, reprise depuis le début</translation>
        </message>
        <message>
            <source>the server ignored the range request; downloading again from the start</source>
            <comment>fetch.range_ignored</comment>
            <translation>le serveur a ignoré la requête de plage ; nouveau téléchargement depuis le début</translation>
        </message>
        <message>
            <source>{name} replaced</source>
            <comment>fetch.replaced</comment>
            <translation>{name} remplacé</translation>
        </message>
        <message>
            <source>resuming at byte {offset}</source>
            <comment>fetch.resuming</comment>
            <translation>reprise à l'octet {offset}</translation>
        </message>
        <message>
            <source>redirected to {url}: only http and https are followed</source>
            <comment>fetch.scheme</comment>
            <translation>redirigé vers {url} : seuls http et https sont suivis</translation>
        </message>
        <message>
            <source>larger than max_bytes ({max_bytes} bytes); the download was stopped</source>
            <comment>fetch.too_big</comment>
            <translation>plus grand que max_bytes ({max_bytes} octets) ; le téléchargement a été arrêté</translation>
        </message>
        <message>
            <source>{name} is the name of the library's trash folder; not downloaded into the root</source>
            <comment>fetch.trash_name</comment>
            <translation>{name} est le nom du dossier de la corbeille de la bibliothèque ; non téléchargé à la racine</translation>
        </message>
        <message>
            <source>cannot read {path}: {reason}</source>
            <comment>fetch.unreadable_list</comment>
            <translation>impossible de lire {path} : {reason}</translation>
        </message>
        <message>
            <source>would download {n} {n:plural:URL|URLs} into /{folder} ({existing} already there)</source>
            <comment>fetch.would</comment>
            <translation>téléchargerait {n} {n:plural:URL|URL} dans /{folder} ({existing} déjà là)</translation>
        </message>
        <message>
            <source>{url} → {path}</source>
            <comment>fetch.would_item</comment>
            <translation>{url} → {path}</translation>
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
            <source>job #{id} has already finished ({status})</source>
            <comment>job.already_finished</comment>
            <translation>la tâche n° {id} est déjà terminée ({status})</translation>
        </message>
        <message>
            <source>--at: {text!r} is beyond the dates asyncops can keep (years 1 to 9999, in UTC)</source>
            <comment>job.at_out_of_range</comment>
            <translation>--at : {text!r} est au-delà des dates qu'asyncops sait garder (années 1 à 9999, en UTC)</translation>
        </message>
        <message>
            <source>attempt {attempt}/{attempts} failed: {reason}</source>
            <comment>job.attempt_failed</comment>
            <translation>l'essai {attempt}/{attempts} a échoué : {reason}</translation>
        </message>
        <message>
            <source>--at: {text!r} is not an ISO-8601 time such as 2026-12-01T18:30</source>
            <comment>job.bad_at</comment>
            <translation>--at : {text!r} n'est pas une heure ISO-8601 comme 2026-12-01T18:30</translation>
        </message>
        <message>
            <source>--queue: no queue named '{queue}' (queues: {names})</source>
            <comment>job.bad_queue</comment>
            <translation>--queue : aucune file nommée « {queue} » (files : {names})</translation>
        </message>
        <message>
            <source>{text!r} is not a job id or link (a number such as 12, or asyncops://job/12)</source>
            <comment>job.bad_ref</comment>
            <translation>{text!r} n'est ni un numéro de tâche ni un lien (un nombre comme 12, ou asyncops://job/12)</translation>
        </message>
        <message>
            <source>cannot sort by '{key}' (keys: {keys:list})</source>
            <comment>job.bad_sort</comment>
            <translation>impossible de trier par « {key} » (clés : {keys:list})</translation>
        </message>
        <message>
            <source>finished with {n} {n:plural:error|errors}</source>
            <comment>job.finished_with_errors</comment>
            <translation>terminée avec {n} {n:plural:erreur|erreurs}</translation>
        </message>
        <message>
            <source>job #{id} belongs to another user: not allowed</source>
            <comment>job.foreign</comment>
            <translation>la tâche n° {id} appartient à un autre utilisateur : action non autorisée</translation>
        </message>
        <message>
            <source>interrupted: the engine running it stopped unexpectedly</source>
            <comment>job.interrupted_dead_engine</comment>
            <translation>interrompue : le moteur qui l'exécutait s'est arrêté de façon inattendue</translation>
        </message>
        <message>
            <source>interrupted: its engine shut down</source>
            <comment>job.interrupted_shutdown</comment>
            <translation>interrompue : son moteur s'est arrêté</translation>
        </message>
        <message>
            <source>{n} log {n:plural:line was|lines were} dropped while the database refused writes ({error})</source>
            <comment>job.lines_dropped</comment>
            <translation>{n} {n:plural:ligne de journal perdue|lignes de journal perdues} pendant que la base de données refusait les écritures ({error})</translation>
        </message>
        <message>
            <source>{operation} has no dry run</source>
            <comment>job.no_dry_run</comment>
            <translation>{operation} n'a pas de simulation</translation>
        </message>
        <message>
            <source>no job #{id}</source>
            <comment>job.not_found</comment>
            <translation>aucune tâche n° {id}</translation>
        </message>
        <message>
            <source>{type}: {error}</source>
            <comment>job.raised</comment>
            <translation>{type} : {error}</translation>
        </message>
        <message>
            <source>job #{id} is {status}: stop it first, then remove it</source>
            <comment>job.remove_running</comment>
            <translation>la tâche n° {id} est {status} : arrêtez-la d'abord, puis supprimez-la</translation>
        </message>
        <message>
            <source>job #{id} started meanwhile: stop it first, then remove it</source>
            <comment>job.remove_started</comment>
            <translation>la tâche n° {id} a démarré entre-temps : arrêtez-la d'abord, puis supprimez-la</translation>
        </message>
        <message>
            <source>queued again: the engine running it stopped unexpectedly</source>
            <comment>job.requeued_dead_engine</comment>
            <translation>remise en file : le moteur qui l'exécutait s'est arrêté de façon inattendue</translation>
        </message>
        <message>
            <source>queued again: its engine shut down</source>
            <comment>job.requeued_shutdown</comment>
            <translation>remise en file : son moteur s'est arrêté</translation>
        </message>
        <message>
            <source>job #{id} is {status}: only a finished job can be retried</source>
            <comment>job.retry_unfinished</comment>
            <translation>la tâche n° {id} est {status} : seule une tâche terminée peut être relancée</translation>
        </message>
        <message>
            <source>stopped by request</source>
            <comment>job.stopped</comment>
            <translation>arrêtée à la demande</translation>
        </message>
        <message>
            <source>this engine does not have the operation {operation}</source>
            <comment>job.unknown_operation</comment>
            <translation>ce moteur n'a pas l'opération {operation}</translation>
        </message>
        <message>
            <source>asyncops could not record the outcome: {type}: {error}</source>
            <comment>job.unrecordable</comment>
            <translation>asyncops n'a pas pu enregistrer le résultat : {type} : {error}</translation>
        </message>
        <message>
            <source>Delete {path} · {library}</source>
            <comment>label.delete</comment>
            <translation>Supprimer {path} · {library}</translation>
        </message>
        <message>
            <source>Delete {n} {n:plural:item|items} · {library}</source>
            <comment>label.delete_many</comment>
            <translation>Supprimer {n} {n:plural:élément|éléments} · {library}</translation>
        </message>
        <message>
            <source>Delete {path} permanently · {library}</source>
            <comment>label.delete_permanently</comment>
            <translation>Supprimer définitivement {path} · {library}</translation>
        </message>
        <message>
            <source>Delete {n} {n:plural:item|items} permanently · {library}</source>
            <comment>label.delete_permanently_many</comment>
            <translation>Supprimer définitivement {n} {n:plural:élément|éléments} · {library}</translation>
        </message>
        <message>
            <source>Fetch {n} {n:plural:URL|URLs} → /{folder} · {library}</source>
            <comment>label.fetch</comment>
            <translation>Télécharger {n} {n:plural:URL|URL} → /{folder} · {library}</translation>
        </message>
        <message>
            <source>Fetch the URLs of {file} → /{folder} · {library}</source>
            <comment>label.fetch_file</comment>
            <translation>Télécharger les URL de {file} → /{folder} · {library}</translation>
        </message>
        <message>
            <source>Mass edit {filter} · {library}</source>
            <comment>label.mass_edit</comment>
            <translation>Modification en masse {filter} · {library}</translation>
        </message>
        <message>
            <source>Export metadata of /{folder} → {file}</source>
            <comment>label.metadata_export</comment>
            <translation>Exporter les métadonnées de /{folder} → {file}</translation>
        </message>
        <message>
            <source>Import metadata from {file} · {library}</source>
            <comment>label.metadata_import</comment>
            <translation>Importer les métadonnées de {file} · {library}</translation>
        </message>
        <message>
            <source>Move {path} → {destination} · {library}</source>
            <comment>label.move</comment>
            <translation>Déplacer {path} → {destination} · {library}</translation>
        </message>
        <message>
            <source>Move {n} {n:plural:item|items} → {destination} · {library}</source>
            <comment>label.move_many</comment>
            <translation>Déplacer {n} {n:plural:élément|éléments} → {destination} · {library}</translation>
        </message>
        <message>
            <source>Move {n} {n:plural:item|items} · {library}</source>
            <comment>label.move_pairs</comment>
            <translation>Déplacer {n} {n:plural:élément|éléments} · {library}</translation>
        </message>
        <message>
            <source>Restore from trash · {library}</source>
            <comment>label.restore</comment>
            <translation>Restaurer depuis la corbeille · {library}</translation>
        </message>
        <message>
            <source>Scan · {library}</source>
            <comment>label.scan</comment>
            <translation>Analyser · {library}</translation>
        </message>
        <message>
            <source>Write metadata into files of /{folder} · {library}</source>
            <comment>label.writeback</comment>
            <translation>Écrire les métadonnées dans les fichiers de /{folder} · {library}</translation>
        </message>
        <message>
            <source>Undo metadata write-back #{job} · {library}</source>
            <comment>label.writeback_undo</comment>
            <translation>Annuler la réécriture des métadonnées n° {job} · {library}</translation>
        </message>
        <message>
            <source>the start time {when:time} is in the past: leave it empty to start now</source>
            <comment>launch.at_past</comment>
            <translation>l'heure de début {when:time} est passée : laissez-la vide pour commencer maintenant</translation>
        </message>
        <message>
            <source>library {name!r} added: {root}; index it with: asyncops run scan -p library={name}</source>
            <comment>library.added</comment>
            <translation>bibliothèque {name!r} ajoutée : {root} ; indexez-la avec : asyncops run scan -p library={name}</translation>
        </message>
        <message>
            <source>library add: {name!r} is not a valid name (letters, digits, space, . @ + - _; at most 200 characters)</source>
            <comment>library.bad_name</comment>
            <translation>library add : {name!r} n'est pas un nom valide (lettres, chiffres, espace, . @ + - _ ; 200 caractères au plus)</translation>
        </message>
        <message>
            <source>{field}: the file now says {file_value!r}, the catalogue keeps the edit {edit_value!r} (scan -p prefer=file takes the file's value)</source>
            <comment>library.edit_conflict</comment>
            <translation>{field} : le fichier indique maintenant {file_value!r}, le catalogue garde la modification {edit_value!r} (scan -p prefer=file prend la valeur du fichier)</translation>
        </message>
        <message>
            <source>{field}: the file's value {file_value!r} replaces the edit {edit_value!r}</source>
            <comment>library.edit_dropped</comment>
            <translation>{field} : la valeur du fichier {file_value!r} remplace la modification {edit_value!r}</translation>
        </message>
        <message>
            <source>{path} exists again; not overwritten</source>
            <comment>library.exists_again</comment>
            <translation>{path} existe de nouveau ; non écrasé</translation>
        </message>
        <message>
            <source>{path!r} is in the library's trash folder {trash}: not allowed (restore brings back what a delete put there)</source>
            <comment>library.in_trash</comment>
            <translation>{path!r} est dans la corbeille de la bibliothèque, le dossier {trash} : non autorisé (restore ramène ce qu'une suppression y a mis)</translation>
        </message>
        <message>
            <source>{path!r} is the library root itself: not allowed</source>
            <comment>library.is_root</comment>
            <translation>{path!r} est la racine même de la bibliothèque : non autorisé</translation>
        </message>
        <message>
            <source>{path}: a symbolic link or a file stands where a folder is expected; not followed</source>
            <comment>library.jail_link</comment>
            <translation>{path} : un lien symbolique ou un fichier se trouve là où un dossier est attendu ; non suivi</translation>
        </message>
        <message>
            <source>{path!r} leaves the library root: not allowed</source>
            <comment>library.leaves_root</comment>
            <translation>{path!r} sort de la racine de la bibliothèque : non autorisé</translation>
        </message>
        <message>
            <source>library add: {path} does not exist</source>
            <comment>library.missing</comment>
            <translation>library add : {path} n'existe pas</translation>
        </message>
        <message>
            <source>library add: a library named {name!r} already exists ({root})</source>
            <comment>library.name_taken</comment>
            <translation>library add : une bibliothèque nommée {name!r} existe déjà ({root})</translation>
        </message>
        <message>
            <source>no libraries; add one with: asyncops library add PATH [--name NAME]</source>
            <comment>library.none</comment>
            <translation>aucune bibliothèque ; ajoutez-en une avec : asyncops library add CHEMIN [--name NOM]</translation>
        </message>
        <message>
            <source>none; add one with: asyncops library add PATH</source>
            <comment>library.none_yet</comment>
            <translation>aucune ; ajoutez-en une avec : asyncops library add CHEMIN</translation>
        </message>
        <message>
            <source>expected a path, got {type}</source>
            <comment>library.not_a_path</comment>
            <translation>chemin attendu, reçu {type}</translation>
        </message>
        <message>
            <source>library add: {path} is not a folder</source>
            <comment>library.not_folder</comment>
            <translation>library add : {path} n'est pas un dossier</translation>
        </message>
        <message>
            <source>{path} is not valid UTF-8: such a name is never catalogued (scan warns about it); rename it to act on it</source>
            <comment>library.not_utf8</comment>
            <translation>{path} n'est pas du texte UTF-8 valide : un tel nom n'est jamais catalogué (scan le signale) ; renommez-le pour agir dessus</translation>
        </message>
        <message>
            <source>{path!r} contains a NUL character</source>
            <comment>library.nul</comment>
            <translation>{path!r} contient un caractère NUL</translation>
        </message>
        <message>
            <source>library add: {root} overlaps the library {name!r} ({other}); libraries may not contain one another</source>
            <comment>library.overlaps</comment>
            <translation>library add : {root} chevauche la bibliothèque {name!r} ({other}) ; une bibliothèque ne peut pas en contenir une autre</translation>
        </message>
        <message>
            <source>{path!r} does not exist in the library {name!r}</source>
            <comment>library.path_missing</comment>
            <translation>{path!r} n'existe pas dans la bibliothèque {name!r}</translation>
        </message>
        <message>
            <source>parameter {param!r}: {detail}</source>
            <comment>library.path_param</comment>
            <translation>paramètre {param!r} : {detail}</translation>
        </message>
        <message>
            <source>library {name!r} removed ({n} catalogue {n:plural:entry|entries} forgotten; no file was touched)</source>
            <comment>library.removed</comment>
            <translation>bibliothèque {name!r} retirée (le catalogue a oublié {n} {n:plural:entrée|entrées} ; aucun fichier n'a été touché)</translation>
        </message>
        <message>
            <source>library {name!r}: its folder {root} is now a symbolic link or is reached through one (it leads to {target}); links are never followed: nothing in it was read or changed</source>
            <comment>library.root_link</comment>
            <translation>bibliothèque {name!r} : son dossier {root} est maintenant un lien symbolique ou n'est atteint qu'à travers un lien (il mène à {target}) ; les liens ne sont jamais suivis : rien n'y a été lu ni modifié</translation>
        </message>
        <message>
            <source>library {name!r}: its folder {root} is missing (mounted? moved?)</source>
            <comment>library.root_missing</comment>
            <translation>bibliothèque {name!r} : son dossier {root} est introuvable (monté ? déplacé ?)</translation>
        </message>
        <message>
            <source>library add: {root} is already the library {name!r}</source>
            <comment>library.same_root</comment>
            <translation>library add : {root} est déjà la bibliothèque {name!r}</translation>
        </message>
        <message>
            <source>{path!r} goes through a symbolic link that leaves the library: not allowed</source>
            <comment>library.through_link</comment>
            <translation>{path!r} passe par un lien symbolique qui sort de la bibliothèque : non autorisé</translation>
        </message>
        <message>
            <source>{entry} is no longer in the trash</source>
            <comment>library.trash_gone</comment>
            <translation>{entry} n'est plus dans la corbeille</translation>
        </message>
        <message>
            <source>the trash entry {entry} holds {recorded}, put there by job #{job}; not restored here</source>
            <comment>library.trash_other</comment>
            <translation>l'entrée de corbeille {entry} contient {recorded}, mise là par la tâche n° {job} ; non restaurée ici</translation>
        </message>
        <message>
            <source>{entry} is not an entry of this library's trash</source>
            <comment>library.trash_unknown</comment>
            <translation>{entry} n'est pas une entrée de la corbeille de cette bibliothèque</translation>
        </message>
        <message>
            <source>parameter {param!r}: no library named {name!r} (libraries: {known})</source>
            <comment>library.unknown</comment>
            <translation>paramètre {param!r} : aucune bibliothèque nommée {name!r} (bibliothèques : {known})</translation>
        </message>
        <message>
            <source>cannot split {text!r}: {reason}</source>
            <comment>mass.bad_filter_text</comment>
            <translation>impossible de découper {text!r} : {reason}</translation>
        </message>
        <message>
            <source>not valid JSON: {reason}</source>
            <comment>mass.bad_json</comment>
            <translation>JSON non valide : {reason}</translation>
        </message>
        <message>
            <source>expected KEY=VALUE, not {text!r}</source>
            <comment>mass.bad_set</comment>
            <translation>CLÉ=VALEUR attendu, pas {text!r}</translation>
        </message>
        <message>
            <source>not a JSON object: {reason}</source>
            <comment>mass.bad_set_json</comment>
            <translation>pas un objet JSON : {reason}</translation>
        </message>
        <message>
            <source>{term!r}: expected folder:PATH, glob:PATTERN, tag:NAME, type:MEDIA or PROPERTY=VALUE</source>
            <comment>mass.bad_term</comment>
            <translation>{term!r} : attendu folder:CHEMIN, glob:MOTIF, tag:NOM, type:MÉDIA ou PROPRIÉTÉ=VALEUR</translation>
        </message>
        <message>
            <source>{matched} {matched:plural:asset|assets} matched, {changed} changed</source>
            <comment>mass.done</comment>
            <translation>{matched} {matched:plural:ressource correspondante|ressources correspondantes}, modifiées : {changed}</translation>
        </message>
        <message>
            <source>no asset matches {filter!r}</source>
            <comment>mass.no_match</comment>
            <translation>aucune ressource ne correspond à {filter!r}</translation>
        </message>
        <message>
            <source>nothing to do: give set, clear, add_tags or remove_tags</source>
            <comment>mass.nothing</comment>
            <translation>rien à faire : donnez set, clear, add_tags ou remove_tags</translation>
        </message>
        <message>
            <source>stopped after {changed} {changed:plural:change|changes}</source>
            <comment>mass.stopped</comment>
            <translation>arrêté après {changed} {changed:plural:modification|modifications}</translation>
        </message>
        <message>
            <source>unknown filter {kind!r} (folder, glob, tag, type or PROPERTY=VALUE)</source>
            <comment>mass.unknown_filter</comment>
            <translation>filtre inconnu {kind!r} (folder, glob, tag, type ou PROPRIÉTÉ=VALEUR)</translation>
        </message>
        <message>
            <source>{matched} {matched:plural:asset matches|assets match}; {changed} would change</source>
            <comment>mass.would</comment>
            <translation>{matched} {matched:plural:ressource correspond|ressources correspondent} ; à modifier : {changed}</translation>
        </message>
        <message>
            <source>must be non-empty, without newline or backslash, not {value!r}</source>
            <comment>meta.bad_delimiter</comment>
            <translation>ne doit être ni vide ni contenir de saut de ligne ou de barre oblique inverse, pas {value!r}</translation>
        </message>
        <message>
            <source>must be an absolute repository path such as /content/dam, not {value!r}</source>
            <comment>meta.bad_prefix</comment>
            <translation>doit être un chemin absolu du dépôt comme /content/dam, pas {value!r}</translation>
        </message>
        <message>
            <source>must be one character (not a quote or a newline), not {value!r}</source>
            <comment>meta.bad_separator</comment>
            <translation>doit être un seul caractère (ni un guillemet ni un saut de ligne), pas {value!r}</translation>
        </message>
        <message>
            <source>{path}: {field}: {before} → {after}</source>
            <comment>meta.diff</comment>
            <translation>{path} : {field} : {before} → {after}</translation>
        </message>
        <message>
            <source>… and {n} more {n:plural:change|changes} ({fields})</source>
            <comment>meta.diff_more</comment>
            <translation>… et {n} {n:plural:autre modification|autres modifications} ({fields})</translation>
        </message>
        <message>
            <source>clears it</source>
            <comment>meta.empty_clear</comment>
            <translation>l'efface</translation>
        </message>
        <message>
            <source>leaves the value unchanged</source>
            <comment>meta.empty_keep</comment>
            <translation>laisse la valeur inchangée</translation>
        </message>
        <message>
            <source>columns: {columns:list}</source>
            <comment>meta.export_columns</comment>
            <translation>colonnes : {columns:list}</translation>
        </message>
        <message>
            <source>{name}: some values hold the multi-value delimiter {delimiter!r}; they are written as they are and will read back as several values</source>
            <comment>meta.export_delimiter</comment>
            <translation>{name} : certaines valeurs contiennent le délimiteur multivaleur {delimiter!r} ; elles sont écrites telles quelles et seront relues comme plusieurs valeurs</translation>
        </message>
        <message>
            <source>wrote {n} {n:plural:asset|assets} and {columns} {columns:plural:column|columns} to {output}</source>
            <comment>meta.export_done</comment>
            <translation>{n} {n:plural:ressource|ressources} et {columns} {columns:plural:colonne|colonnes} écrites dans {output}</translation>
        </message>
        <message>
            <source>{path} is a folder</source>
            <comment>meta.export_is_folder</comment>
            <translation>{path} est un dossier</translation>
        </message>
        <message>
            <source>the folder {path} does not exist</source>
            <comment>meta.export_no_folder</comment>
            <translation>le dossier {path} n'existe pas</translation>
        </message>
        <message>
            <source>{path!r} is not a folder</source>
            <comment>meta.export_not_folder</comment>
            <translation>{path!r} n'est pas un dossier</translation>
        </message>
        <message>
            <source>stopped after {n} {n:plural:asset|assets}; {output} was not written</source>
            <comment>meta.export_stopped</comment>
            <translation>arrêté après {n} {n:plural:ressource|ressources} ; {output} n'a pas été écrit</translation>
        </message>
        <message>
            <source>property {name} has different types on different assets; exported as {header}</source>
            <comment>meta.export_type_conflict</comment>
            <translation>la propriété {name} a des types différents selon les ressources ; exportée comme {header}</translation>
        </message>
        <message>
            <source>would write {n} {n:plural:asset|assets} with {columns} {columns:plural:column|columns} to {output}</source>
            <comment>meta.export_would</comment>
            <translation>écrirait {n} {n:plural:ressource|ressources} avec {columns} {columns:plural:colonne|colonnes} dans {output}</translation>
        </message>
        <message>
            <source>line {line}, column {column}: {reason}; this cell is not applied</source>
            <comment>meta.import_bad_cell</comment>
            <translation>ligne {line}, colonne {column} : {reason} ; cette cellule n'est pas appliquée</translation>
        </message>
        <message>
            <source>line {line}, column {column}: {reason}; skipped</source>
            <comment>meta.import_bad_path</comment>
            <translation>ligne {line}, colonne {column} : {reason} ; ignorée</translation>
        </message>
        <message>
            <source>line 1, column {n}: {reason}; the column is ignored</source>
            <comment>meta.import_column_ignored</comment>
            <translation>ligne 1, colonne {n} : {reason} ; la colonne est ignorée</translation>
        </message>
        <message>
            <source>line 1, column {n}: {reason}</source>
            <comment>meta.import_column_note</comment>
            <translation>ligne 1, colonne {n} : {reason}</translation>
        </message>
        <message>
            <source>{rows} {rows:plural:row|rows}: {changed} changed, {unchanged} unchanged, {skipped} skipped, {unreadable} {unreadable:plural:record|records} not readable</source>
            <comment>meta.import_done</comment>
            <translation>{rows} {rows:plural:ligne|lignes} — modifiées : {changed}, inchangées : {unchanged}, ignorées : {skipped} ; {unreadable} {unreadable:plural:enregistrement illisible|enregistrements illisibles}</translation>
        </message>
        <message>
            <source>line 1, column {n}: {name} appears twice</source>
            <comment>meta.import_dup_column</comment>
            <translation>ligne 1, colonne {n} : {name} apparaît deux fois</translation>
        </message>
        <message>
            <source>the path column {column!r} appears more than once (columns {positions:list})</source>
            <comment>meta.import_dup_path_column</comment>
            <translation>la colonne du chemin {column!r} apparaît plus d'une fois (colonnes {positions:list})</translation>
        </message>
        <message>
            <source>{path} is empty (expected a header line)</source>
            <comment>meta.import_empty</comment>
            <translation>{path} est vide (une ligne d'en-tête est attendue)</translation>
        </message>
        <message>
            <source>{lines} {lines:plural:line|lines} of {name} could not be read; {changed} {changed:plural:asset|assets} changed by the rows that could (listed in the result)</source>
            <comment>meta.import_incomplete</comment>
            <translation>{lines} {lines:plural:ligne illisible|lignes illisibles} dans {name} ; {changed} {changed:plural:ressource modifiée|ressources modifiées} par les lignes lisibles (listées dans le résultat)</translation>
        </message>
        <message>
            <source>{column!r} is not a column of {name} (columns: {columns:list}){hint}</source>
            <comment>meta.import_no_path_column</comment>
            <translation>{column!r} n'est pas une colonne de {name} (colonnes : {columns:list}){hint}</translation>
        </message>
        <message>
            <source>line {line}, column {column}: {path!r} is not in the library {library!r}; skipped</source>
            <comment>meta.import_not_in_library</comment>
            <translation>ligne {line}, colonne {column} : {path!r} n'est pas dans la bibliothèque {library!r} ; ignorée</translation>
        </message>
        <message>
            <source>line {line}, column {column}: {path!r} is not under {prefix}; skipped</source>
            <comment>meta.import_outside_prefix</comment>
            <translation>ligne {line}, colonne {column} : {path!r} n'est pas sous {prefix} ; ignorée</translation>
        </message>
        <message>
            <source>column {header} is read-only (a fact of the file); ignored</source>
            <comment>meta.import_read_only</comment>
            <translation>la colonne {header} est en lecture seule (une caractéristique du fichier) ; ignorée</translation>
        </message>
        <message>
            <source>; is the separator {separator!r}? (-p separator=…)</source>
            <comment>meta.import_separator_hint</comment>
            <translation> ; le séparateur est-il {separator!r} ? (-p separator=…)</translation>
        </message>
        <message>
            <source>stopped after line {line}: the rows before it were applied</source>
            <comment>meta.import_stopped</comment>
            <translation>arrêté après la ligne {line} : les lignes précédentes ont été appliquées</translation>
        </message>
        <message>
            <source>cannot read {path}: {reason}</source>
            <comment>meta.import_unreadable_file</comment>
            <translation>impossible de lire {path} : {reason}</translation>
        </message>
        <message>
            <source>line {line}: {n} {n:plural:field|fields} where the header has {width}; skipped</source>
            <comment>meta.import_width</comment>
            <translation>ligne {line} : {n} {n:plural:champ|champs} alors que l'en-tête en a {width} ; ignorée</translation>
        </message>
        <message>
            <source>would change {changed} of {rows} {rows:plural:row|rows} ({unchanged} unchanged, {skipped} skipped with a warning, {unreadable} {unreadable:plural:record|records} not readable)</source>
            <comment>meta.import_would</comment>
            <translation>modifierait {changed} sur {rows} {rows:plural:ligne|lignes} (inchangées : {unchanged}, ignorées avec un avertissement : {skipped} ; {unreadable} {unreadable:plural:enregistrement illisible|enregistrements illisibles})</translation>
        </message>
        <message>
            <source>column {column}: {type}, several values separated by {delimiter!r}; an empty cell {empty}</source>
            <comment>meta.reading_multi</comment>
            <translation>colonne {column} : {type}, plusieurs valeurs séparées par {delimiter!r} ; une cellule vide {empty}</translation>
        </message>
        <message>
            <source>column {column}: {type}, one value; an empty cell {empty}</source>
            <comment>meta.reading_single</comment>
            <translation>colonne {column} : {type}, une seule valeur ; une cellule vide {empty}</translation>
        </message>
        <message>
            <source>must differ from the separator {separator!r}</source>
            <comment>meta.same_delimiter</comment>
            <translation>doit être différent du séparateur {separator!r}</translation>
        </message>
        <message>
            <source>{dst} appeared while moving {src} there; plan {plan} was refused and forgotten: move it away and run the move again</source>
            <comment>move.appeared</comment>
            <translation>{dst} est apparu pendant le déplacement de {src} à cet endroit ; le plan {plan} a été refusé et oublié : déplacez-le ailleurs et relancez le déplacement</translation>
        </message>
        <message>
            <source>expected a JSON array of ["from", "to"] pairs</source>
            <comment>move.bad_pairs</comment>
            <translation>tableau JSON de paires ["from", "to"] attendu</translation>
        </message>
        <message>
            <source>{where!r}: a job moves to the top, up, down or to the bottom ({moves:list})</source>
            <comment>move.bad_where</comment>
            <translation>{where!r} : une tâche se déplace en haut, vers le haut, vers le bas ou en bas ({moves:list})</translation>
        </message>
        <message>
            <source>move job #{job} has an unfinished move on this library and is still running or waiting to run; this move was refused: run it again once that job has finished</source>
            <comment>move.busy</comment>
            <translation>la tâche de déplacement n° {job} a un déplacement inachevé sur cette bibliothèque et est encore en cours ou en attente ; ce déplacement a été refusé : relancez-le une fois cette tâche terminée</translation>
        </message>
        <message>
            <source>changed since the move was planned: its links were not rewritten</source>
            <comment>move.changed_since</comment>
            <translation>modifié depuis la planification du déplacement : ses liens n'ont pas été réécrits</translation>
        </message>
        <message>
            <source>{path!r} already exists: nothing was moved (choose on_clash=overwrite or on_clash=rename)</source>
            <comment>move.clash</comment>
            <translation>{path!r} existe déjà : rien n'a été déplacé (choisissez on_clash=overwrite ou on_clash=rename)</translation>
        </message>
        <message>
            <source>completing the interrupted move of job #{job} first</source>
            <comment>move.completing_other</comment>
            <translation>achèvement préalable du déplacement interrompu de la tâche n° {job}</translation>
        </message>
        <message>
            <source>completing the interrupted run of this move (job #{job})</source>
            <comment>move.completing_same</comment>
            <translation>achèvement de l'exécution interrompue de ce déplacement (tâche n° {job})</translation>
        </message>
        <message>
            <source>is required with paths</source>
            <comment>move.destination_required</comment>
            <translation>est obligatoire avec paths</translation>
        </message>
        <message>
            <source>moved {items} {items:plural:item|items}; rewrote {links} {links:plural:link|links} in {documents} {documents:plural:document|documents}</source>
            <comment>move.done</comment>
            <translation>{items} {items:plural:élément déplacé|éléments déplacés} ; {links} {links:plural:lien réécrit|liens réécrits} dans {documents} {documents:plural:document|documents}</translation>
        </message>
        <message>
            <source>cannot move {src!r} into itself ({dst!r})</source>
            <comment>move.into_itself</comment>
            <translation>impossible de déplacer {src!r} dans lui-même ({dst!r})</translation>
        </message>
        <message>
            <source>{src} is neither at its place nor at {dst}; plan {plan} was refused and forgotten</source>
            <comment>move.lost</comment>
            <translation>{src} n'est ni à sa place ni à {dst} ; le plan {plan} a été refusé et oublié</translation>
        </message>
        <message>
            <source>… and {n} more</source>
            <comment>move.more</comment>
            <translation>… et {n} de plus</translation>
        </message>
        <message>
            <source>{path!r} is a file, not a folder</source>
            <comment>move.not_folder</comment>
            <translation>{path!r} est un fichier, pas un dossier</translation>
        </message>
        <message>
            <source>job #{id} is {status}: only a queued job can be moved in its queue</source>
            <comment>move.not_queued</comment>
            <translation>la tâche n° {id} est {status} : seule une tâche en file peut être déplacée dans sa file</translation>
        </message>
        <message>
            <source>(overwrites the existing one, which goes to the trash)</source>
            <comment>move.overwrites</comment>
            <translation>(écrase l'élément existant, qui va à la corbeille)</translation>
        </message>
        <message>
            <source>overwritten: the former {path} went to the trash</source>
            <comment>move.overwritten</comment>
            <translation>écrasé : l'ancien {path} a été mis à la corbeille</translation>
        </message>
        <message>
            <source>give paths (with destination) or pairs, not both or neither</source>
            <comment>move.paths_or_pairs</comment>
            <translation>donnez soit paths (avec destination), soit pairs, mais pas les deux</translation>
        </message>
        <message>
            <source>plan {plan}: move {files} {files:plural:file|files}, {folders} {folders:plural:folder|folders} in {items} {items:plural:item|items}; rewrite {links} {links:plural:link|links} in {documents} {documents:plural:document|documents}</source>
            <comment>move.planned</comment>
            <translation>plan {plan} : déplacer {files} {files:plural:fichier|fichiers}, {folders} {folders:plural:dossier|dossiers} en {items} {items:plural:élément|éléments} ; réécrire {links} {links:plural:lien|liens} dans {documents} {documents:plural:document|documents}</translation>
        </message>
        <message>
            <source>(renamed)</source>
            <comment>move.renamed</comment>
            <translation>(renommé)</translation>
        </message>
        <message>
            <source>resuming plan {plan}</source>
            <comment>move.resuming</comment>
            <translation>reprise du plan {plan}</translation>
        </message>
        <message>
            <source>rewrote {n} {n:plural:link|links}</source>
            <comment>move.rewrote</comment>
            <translation>{n} {n:plural:lien réécrit|liens réécrits}</translation>
        </message>
        <message>
            <source>{doc} line {line}: {old} → {new}</source>
            <comment>move.sample</comment>
            <translation>{doc} ligne {line} : {old} → {new}</translation>
        </message>
        <message>
            <source>plan {plan} was refused and forgotten: {reason}</source>
            <comment>move.step_failed</comment>
            <translation>le plan {plan} a été refusé et oublié : {reason}</translation>
        </message>
        <message>
            <source>stopped: plan {plan} is left unfinished; run the same move again to complete it</source>
            <comment>move.stopped</comment>
            <translation>arrêté : le plan {plan} reste inachevé ; relancez le même déplacement pour l'achever</translation>
        </message>
        <message>
            <source>line {line}: cannot locate the link {link!r} to rewrite it; fix it by hand</source>
            <comment>move.unlocated</comment>
            <translation>ligne {line} : impossible de localiser le lien {link!r} pour le réécrire ; corrigez-le à la main</translation>
        </message>
        <message>
            <source>cannot read it to fix its links: {reason}</source>
            <comment>move.unreadable</comment>
            <translation>impossible de le lire pour corriger ses liens : {reason}</translation>
        </message>
        <message>
            <source>would move {files} {files:plural:file|files} and {folders} {folders:plural:folder|folders} in {items} {items:plural:item|items} and rewrite {links} {links:plural:link|links} in {documents} {documents:plural:document|documents}</source>
            <comment>move.would</comment>
            <translation>déplacerait {files} {files:plural:fichier|fichiers} et {folders} {folders:plural:dossier|dossiers} en {items} {items:plural:élément|éléments} et réécrirait {links} {links:plural:lien|liens} dans {documents} {documents:plural:document|documents}</translation>
        </message>
        <message>
            <source>an interrupted run of this move (plan {plan}) would be completed</source>
            <comment>move.would_complete</comment>
            <translation>une exécution interrompue de ce déplacement (plan {plan}) serait achevée</translation>
        </message>
        <message>
            <source>{src} → {dst}</source>
            <comment>move.would_pair</comment>
            <translation>{src} → {dst}</translation>
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
            <source>{operation} has no such parameter (it takes: {names})</source>
            <comment>param.unknown</comment>
            <translation>{operation} n'a pas de tel paramètre (il prend : {names})</translation>
        </message>
        <message>
            <source>job #{id} is {status} and not asked to pause: there is nothing to resume</source>
            <comment>pause.not_paused</comment>
            <translation>la tâche #{id} est {status} et aucune pause n'a été demandée : il n'y a rien à reprendre</translation>
        </message>
        <message>
            <source>job #{id} is {status}: only a running job can be paused</source>
            <comment>pause.not_running</comment>
            <translation>la tâche #{id} est {status} : seule une tâche en cours peut être mise en pause</translation>
        </message>
        <message>
            <source>job #{id} runs {operation}, which this installation does not have</source>
            <comment>pause.unknown_operation</comment>
            <translation>la tâche #{id} exécute {operation}, que cette installation ne connaît pas</translation>
        </message>
        <message>
            <source>{operation} cannot pause: it has no point between items where it could wait; stop it instead</source>
            <comment>pause.unsupported</comment>
            <translation>{operation} ne peut pas être mise en pause : elle n'a pas de point entre deux éléments où attendre ; arrêtez-la plutôt</translation>
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
            <source>process group {pgid} had already ended</source>
            <comment>process.already_ended</comment>
            <translation>le groupe de processus {pgid} était déjà terminé</translation>
        </message>
        <message>
            <source>its process group {pgid} on {host} may still be running: recovery can only end processes of its own host</source>
            <comment>process.elsewhere</comment>
            <translation>son groupe de processus {pgid} sur {host} tourne peut-être encore : la récupération ne peut terminer que les processus de son propre hôte</translation>
        </message>
        <message>
            <source>ended the orphaned process group {pgid} left by the dead engine ({signal})</source>
            <comment>process.ended</comment>
            <translation>fin du groupe de processus orphelin {pgid} laissé par le moteur mort ({signal})</translation>
        </message>
        <message>
            <source>ended the orphaned process group {pgid} left by the dead engine (SIGKILL after {grace:g}s)</source>
            <comment>process.killed</comment>
            <translation>fin du groupe de processus orphelin {pgid} laissé par le moteur mort (SIGKILL après {grace:g} s)</translation>
        </message>
        <message>
            <source>no process to end</source>
            <comment>process.none</comment>
            <translation>aucun processus à terminer</translation>
        </message>
        <message>
            <source>process {pid} is gone (its number now belongs to another program)</source>
            <comment>process.reused</comment>
            <translation>le processus {pid} a disparu (son numéro appartient maintenant à un autre programme)</translation>
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
            <source>purge.{name} must be 0 to 36500 days, not {value}</source>
            <comment>purge.bad_days</comment>
            <translation>purge.{name} doit être de 0 à 36500 jours, pas {value}</translation>
        </message>
        <message>
            <source>purge.keep must be 0 to 10000000 jobs, not {value}</source>
            <comment>purge.bad_keep</comment>
            <translation>purge.keep doit être de 0 à 10000000 tâches, pas {value}</translation>
        </message>
        <message>
            <source>purge.time must be HH:MM (00:00 to 23:59), not '{value}'</source>
            <comment>purge.bad_time</comment>
            <translation>purge.time doit être au format HH:MM (00:00 à 23:59), pas « {value} »</translation>
        </message>
        <message>
            <source>queue {queue}: retry_delay must be 0 to 86400 seconds, not {value}</source>
            <comment>queue.bad_delay</comment>
            <translation>file {queue} : le délai avant nouvel essai doit être de 0 à 86400 secondes, pas {value}</translation>
        </message>
        <message>
            <source>queue {queue}: kind must be one of {kinds:list}, not '{kind}'</source>
            <comment>queue.bad_kind</comment>
            <translation>file {queue} : le type doit être l'un de {kinds:list}, pas « {kind} »</translation>
        </message>
        <message>
            <source>queue name '{name}': use 1-100 letters, digits, '-' or '_'</source>
            <comment>queue.bad_name</comment>
            <translation>nom de file « {name} » : utilisez de 1 à 100 lettres, chiffres, « - » ou « _ »</translation>
        </message>
        <message>
            <source>queue {queue}: max_parallel must be between 1 and 256, not {value}</source>
            <comment>queue.bad_parallel</comment>
            <translation>file {queue} : max_parallel doit être compris entre 1 et 256, pas {value}</translation>
        </message>
        <message>
            <source>queue {queue}: retries must be between 0 and 100, not {value}</source>
            <comment>queue.bad_retries</comment>
            <translation>file {queue} : le nombre de nouvelles tentatives doit être compris entre 0 et 100, pas {value}</translation>
        </message>
        <message>
            <source>queue {queue} still has unfinished jobs (for example #{job}); stop them first</source>
            <comment>queue.busy</comment>
            <translation>la file {queue} a encore des tâches non terminées (par exemple n° {job}) ; arrêtez-les d'abord</translation>
        </message>
        <message>
            <source>the default queue cannot be removed</source>
            <comment>queue.default_kept</comment>
            <translation>la file par défaut ne peut pas être supprimée</translation>
        </message>
        <message>
            <source>no queue named '{name}'</source>
            <comment>queue.not_found</comment>
            <translation>aucune file nommée « {name} »</translation>
        </message>
        <message>
            <source>queue {queue}: unknown operation(s) {ops:list}</source>
            <comment>queue.unknown_ops</comment>
            <translation>file {queue} : opération(s) inconnue(s) {ops:list}</translation>
        </message>
        <message>
            <source>item {n}: expected an object with text fields path and trash</source>
            <comment>restore.bad_item</comment>
            <translation>élément {n} : objet attendu avec les champs texte path et trash</translation>
        </message>
        <message>
            <source>expected a non-empty JSON array of {{path, trash}} objects</source>
            <comment>restore.bad_items</comment>
            <translation>tableau JSON non vide d'objets {{path, trash}} attendu</translation>
        </message>
        <message>
            <source>cannot restore: {reason}</source>
            <comment>restore.cannot</comment>
            <translation>restauration impossible : {reason}</translation>
        </message>
        <message>
            <source>restored {restored} of {n} {n:plural:item|items}</source>
            <comment>restore.done</comment>
            <translation>{restored} sur {n} {n:plural:élément restauré|éléments restaurés}</translation>
        </message>
        <message>
            <source>{path}: exists again, would not be overwritten</source>
            <comment>restore.exists</comment>
            <translation>{path} : existe de nouveau, ne serait pas écrasé</translation>
        </message>
        <message>
            <source>{path}: no longer in the trash</source>
            <comment>restore.gone</comment>
            <translation>{path} : n'est plus dans la corbeille</translation>
        </message>
        <message>
            <source>nothing was restored</source>
            <comment>restore.none</comment>
            <translation>rien n'a été restauré</translation>
        </message>
        <message>
            <source>would restore {ok} of {n} {n:plural:item|items}</source>
            <comment>restore.would</comment>
            <translation>restaurerait {ok} sur {n} {n:plural:élément|éléments}</translation>
        </message>
        <message>
            <source>restore {path}</source>
            <comment>restore.would_item</comment>
            <translation>restaurer {path}</translation>
        </message>
        <message>
            <source>--since {text!r}: use a duration such as 30m, 12h, 2d or 1w</source>
            <comment>retry.bad_since</comment>
            <translation>--since {text!r} : utilisez une durée comme 30m, 12h, 2d ou 1w</translation>
        </message>
        <message>
            <source>{operation} has no items to retry one by one: `asyncops retry {id}` runs the whole job again</source>
            <comment>retry.items_unsupported</comment>
            <translation>{operation} n'a pas d'éléments à relancer un par un : `asyncops retry {id}` relance toute la tâche</translation>
        </message>
        <message>
            <source>job #{id}: no item failed or was left undone, so there is nothing to retry</source>
            <comment>retry.none_failed</comment>
            <translation>tâche #{id} : aucun élément n'a échoué ni n'est resté à faire, il n'y a rien à relancer</translation>
        </message>
        <message>
            <source>--since {text!r}: at most {days} days back</source>
            <comment>retry.since_too_long</comment>
            <translation>--since {text!r} : au plus {days} jours en arrière</translation>
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
            <source>the folder name {name} is not valid UTF-8: neither it nor anything in it is indexed (rename it to index it)</source>
            <comment>scan.bad_folder_name</comment>
            <translation>le nom de dossier {name} n'est pas du texte UTF-8 valide : ni lui ni rien de ce qu'il contient n'est indexé (renommez-le pour l'indexer)</translation>
        </message>
        <message>
            <source>the file name {name} is not valid UTF-8: not indexed (rename it to index it)</source>
            <comment>scan.bad_name</comment>
            <translation>le nom de fichier {name} n'est pas du texte UTF-8 valide : non indexé (renommez-le pour l'indexer)</translation>
        </message>
        <message>
            <source>{files} {files:plural:file|files}, {folders} {folders:plural:folder|folders}: {added} added, {updated} updated, {removed} forgotten; {references} {references:plural:reference|references} in {documents} {documents:plural:document|documents}</source>
            <comment>scan.done</comment>
            <translation>{files} {files:plural:fichier|fichiers}, {folders} {folders:plural:dossier|dossiers} — ajoutés : {added}, mis à jour : {updated}, oubliés : {removed} ; {references} {references:plural:référence|références} dans {documents} {documents:plural:document|documents}</translation>
        </message>
        <message>
            <source>cannot read the folder: {reason}</source>
            <comment>scan.folder_unreadable</comment>
            <translation>lecture du dossier impossible : {reason}</translation>
        </message>
        <message>
            <source>line {line}: link {link!r} leaves the library; not followed</source>
            <comment>scan.link_outside</comment>
            <translation>ligne {line} : le lien {link!r} sort de la bibliothèque ; non suivi</translation>
        </message>
        <message>
            <source>symbolic link not indexed (asyncops never follows links)</source>
            <comment>scan.link_skipped</comment>
            <translation>lien symbolique non indexé (asyncops ne suit jamais les liens)</translation>
        </message>
        <message>
            <source>{files} {files:plural:file|files} and {folders} {folders:plural:folder|folders} on disk</source>
            <comment>scan.on_disk</comment>
            <translation>{files} {files:plural:fichier|fichiers} et {folders} {folders:plural:dossier|dossiers} sur le disque</translation>
        </message>
        <message>
            <source>scanning {root}</source>
            <comment>scan.start</comment>
            <translation>analyse de {root}</translation>
        </message>
        <message>
            <source>cannot read: {reason}</source>
            <comment>scan.unreadable</comment>
            <translation>lecture impossible : {reason}</translation>
        </message>
        <message>
            <source>scan of {library} would add {added}, update {updated} and forget {removed} entries ({unchanged} unchanged)</source>
            <comment>scan.would</comment>
            <translation>l'analyse de {library} ajouterait {added} entrées, en mettrait à jour {updated} et en oublierait {removed} ({unchanged} inchangées)</translation>
        </message>
        <message>
            <source>threshold.{operation}.{item} must be 0 or more, not {value}</source>
            <comment>threshold.negative</comment>
            <translation>threshold.{operation}.{item} doit valoir 0 ou plus, pas {value}</translation>
        </message>
        <message>
            <source>threshold: {operation} counts no '{item}' (it counts: {counted})</source>
            <comment>threshold.unknown_item</comment>
            <translation>seuil : {operation} ne compte pas de « {item} » (elle compte : {counted})</translation>
        </message>
        <message>
            <source>threshold: unknown operation '{operation}'</source>
            <comment>threshold.unknown_op</comment>
            <translation>seuil : opération inconnue « {operation} »</translation>
        </message>
        <message>
            <source>waited for job #{id} to end</source>
            <comment>timeline.after</comment>
            <translation>a attendu la fin de la tâche n° {id}</translation>
        </message>
        <message>
            <source>a slot was free in the queue {queue} ({running} of {capacity} running) but no engine took it: no engine was running</source>
            <comment>timeline.no_engine</comment>
            <translation>une place était libre dans la file {queue} ({running} sur {capacity} en cours) mais aucun moteur ne l'a prise : aucun moteur ne tournait</translation>
        </message>
        <message>
            <source>the queue {queue} was paused</source>
            <comment>timeline.paused</comment>
            <translation>la file {queue} était suspendue</translation>
        </message>
        <message>
            <source>the queue {queue} was full ({running} of {capacity} running)</source>
            <comment>timeline.queue_full</comment>
            <translation>la file {queue} était pleine ({running} sur {capacity} en cours)</translation>
        </message>
        <message>
            <source>scheduled for {at:time}</source>
            <comment>timeline.scheduled</comment>
            <translation>prévue pour {at:time}</translation>
        </message>
        <message>
            <source>waiting in the queue {queue}</source>
            <comment>timeline.waiting</comment>
            <translation>attend dans la file {queue}</translation>
        </message>
        <message>
            <source>job #{id} is already undone by job #{by} ({status}): undoing it again would act on what is there now</source>
            <comment>undo.done</comment>
            <translation>la tâche n° {id} est déjà annulée par la tâche n° {by} ({status}) : l'annuler de nouveau agirait sur ce qui s'y trouve maintenant</translation>
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
            <source>{header!r}: {word!r} is not 'multi'</source>
            <comment>value.bad_multi</comment>
            <translation>{header!r} : {word!r} n'est pas « multi »</translation>
        </message>
        <message>
            <source>{header!r}: Binary values cannot be imported from a CSV file</source>
            <comment>value.binary</comment>
            <translation>{header!r} : les valeurs Binary ne peuvent pas être importées depuis un fichier CSV</translation>
        </message>
        <message>
            <source>{text!r} is not a finite Double (NaN, infinities and numbers beyond ±1.8e308 are not)</source>
            <comment>value.double_range</comment>
            <translation>{text!r} n'est pas un Double fini (NaN, les infinis et les nombres au-delà de ±1,8e308 n'en sont pas)</translation>
        </message>
        <message>
            <source>empty property name in {header!r}</source>
            <comment>value.empty_name</comment>
            <translation>nom de propriété vide dans {header!r}</translation>
        </message>
        <message>
            <source>{text!r} does not fit a Long (64 bits)</source>
            <comment>value.long_range</comment>
            <translation>{text!r} ne tient pas dans un Long (64 bits)</translation>
        </message>
        <message>
            <source>malformed header {header!r} (expected name{{{{Type}}}} or name{{{{Type: multi}}}})</source>
            <comment>value.malformed</comment>
            <translation>en-tête mal formé {header!r} (attendu : nom{{{{Type}}}} ou nom{{{{Type: multi}}}})</translation>
        </message>
        <message>
            <source>{text!r} is not a Boolean (true or false)</source>
            <comment>value.not_boolean</comment>
            <translation>{text!r} n'est pas un Boolean (true ou false)</translation>
        </message>
        <message>
            <source>{text!r} is not a Date (ISO-8601, such as 2024-05-01T10:00:00.000+00:00)</source>
            <comment>value.not_date</comment>
            <translation>{text!r} n'est pas une Date (ISO-8601, par ex. 2024-05-01T10:00:00.000+00:00)</translation>
        </message>
        <message>
            <source>{text!r} is not a Decimal (a number)</source>
            <comment>value.not_decimal</comment>
            <translation>{text!r} n'est pas un Decimal (un nombre)</translation>
        </message>
        <message>
            <source>{text!r} is not a Double (a number)</source>
            <comment>value.not_double</comment>
            <translation>{text!r} n'est pas un Double (un nombre)</translation>
        </message>
        <message>
            <source>{text!r} is not a Long (a whole number)</source>
            <comment>value.not_long</comment>
            <translation>{text!r} n'est pas un Long (un nombre entier)</translation>
        </message>
        <message>
            <source>{name} is read-only</source>
            <comment>value.read_only</comment>
            <translation>{name} est en lecture seule</translation>
        </message>
        <message>
            <source>{header!r}: {name} holds one value; multiple values are joined</source>
            <comment>value.standard_multi</comment>
            <translation>{header!r} : {name} contient une seule valeur ; les valeurs multiples sont jointes</translation>
        </message>
        <message>
            <source>{header!r}: {name} is {want}; read as {want}</source>
            <comment>value.standard_type</comment>
            <translation>{header!r} : {name} est de type {want} ; lu comme {want}</translation>
        </message>
        <message>
            <source>unknown type {type!r} in {header!r} (types: {types:list})</source>
            <comment>value.unknown_type</comment>
            <translation>type inconnu {type!r} dans {header!r} (types : {types:list})</translation>
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
        <message>
            <source>{path}: its front matter cannot be read (line {line}: {problem}); the file is not rewritten and its edits stay in the catalogue</source>
            <comment>writeback.bad_front_matter</comment>
            <translation>{path} : son front matter est illisible (ligne {line} : {problem}) ; le fichier n'est pas réécrit et ses modifications restent dans le catalogue</translation>
        </message>
        <message>
            <source>expected the written list of a metadata-writeback result</source>
            <comment>writeback.bad_revert</comment>
            <translation>liste written d'un résultat de metadata-writeback attendue</translation>
        </message>
        <message>
            <source>{path}: this XMP sidecar cannot be read ({problem}); it is not rewritten and the edits stay in the catalogue</source>
            <comment>writeback.bad_xmp</comment>
            <translation>{path} : ce fichier annexe XMP est illisible ({problem}) ; il n'est pas réécrit et les modifications restent dans le catalogue</translation>
        </message>
        <message>
            <source>cannot write: {reason}</source>
            <comment>writeback.cannot</comment>
            <translation>écriture impossible : {reason}</translation>
        </message>
        <message>
            <source>{path} changed since the writeback; not restored (the file is kept as it is)</source>
            <comment>writeback.changed_not_restored</comment>
            <translation>{path} a changé depuis la réécriture ; non restauré (le fichier reste tel quel)</translation>
        </message>
        <message>
            <source>{path} changed since it was written; not removed</source>
            <comment>writeback.changed_since</comment>
            <translation>{path} a changé depuis son écriture ; non supprimé</translation>
        </message>
        <message>
            <source>{path}: the property {name} would be read from {target} as the {field} field; not written, it stays an edit of the catalogue</source>
            <comment>writeback.clash</comment>
            <translation>{path} : la propriété {name} serait lue dans {target} comme le champ {field} ; non écrite, elle reste une modification du catalogue</translation>
        </message>
        <message>
            <source>wrote the edits of {n} {n:plural:asset|assets} into {files} {files:plural:file|files}</source>
            <comment>writeback.done</comment>
            <translation>modifications de {n} {n:plural:ressource|ressources} écrites dans {files} {files:plural:fichier|fichiers}</translation>
        </message>
        <message>
            <source>{path}: its front matter is not a set of names and values; the file is not rewritten and its edits stay in the catalogue</source>
            <comment>writeback.front_matter_not_mapping</comment>
            <translation>{path} : son front matter n'est pas une liste de noms et de valeurs ; le fichier n'est pas réécrit et ses modifications restent dans le catalogue</translation>
        </message>
        <message>
            <source>{path} is no longer there (moved or deleted since the writeback); not restored</source>
            <comment>writeback.gone</comment>
            <translation>{path} n'est plus là (déplacé ou supprimé depuis la réécriture) ; non restauré</translation>
        </message>
        <message>
            <source>{path}: {fields:list} have no place in {target}; they stay edits of the catalogue</source>
            <comment>writeback.kept</comment>
            <translation>{path} : {fields:list} n'ont pas de place dans {target} ; ils restent des modifications du catalogue</translation>
        </message>
        <message>
            <source>{path}: {field} was edited after the writeback; that edit is kept</source>
            <comment>writeback.later_edit</comment>
            <translation>{path} : {field} a été modifié après la réécriture ; cette modification est gardée</translation>
        </message>
        <message>
            <source>{path}: its type keeps no metadata in the file; the edits stay in the catalogue</source>
            <comment>writeback.no_place</comment>
            <translation>{path} : son type ne garde aucune métadonnée dans le fichier ; les modifications restent dans le catalogue</translation>
        </message>
        <message>
            <source>nothing could be written</source>
            <comment>writeback.none</comment>
            <translation>rien n'a pu être écrit</translation>
        </message>
        <message>
            <source>put back {n} {n:plural:file|files} as they were before job #{job}</source>
            <comment>writeback.reverted</comment>
            <translation>{n} {n:plural:fichier remis|fichiers remis} dans l'état d'avant la tâche n° {job}</translation>
        </message>
        <message>
            <source>stopped: the remaining assets keep their edits in the catalogue only</source>
            <comment>writeback.stopped</comment>
            <translation>arrêté : les ressources restantes gardent leurs modifications dans le catalogue seulement</translation>
        </message>
        <message>
            <source>would write the edits of {n} {n:plural:asset|assets} into their files</source>
            <comment>writeback.would</comment>
            <translation>écrirait les modifications de {n} {n:plural:ressource|ressources} dans leurs fichiers</translation>
        </message>
        <message>
            <source>{path}: {fields:list} → {target}</source>
            <comment>writeback.would_item</comment>
            <translation>{path} : {fields:list} → {target}</translation>
        </message>
        <message>
            <source>wrote {fields:list} into {target}</source>
            <comment>writeback.wrote</comment>
            <translation>{fields:list} écrits dans {target}</translation>
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
            <source>Deadline</source>
            <translation>Délai total</translation>
        </message>
        <message>
            <source>seconds the whole job may take; the downloads still running then are stopped</source>
            <translation>durée maximale de toute la tâche, en secondes ; les téléchargements encore en cours sont alors arrêtés</translation>
        </message>
        <message>
            <source>Max bytes</source>
            <translation>Taille maximale (octets)</translation>
        </message>
        <message>
            <source>largest download accepted, in bytes</source>
            <translation>plus gros téléchargement accepté, en octets</translation>
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
            <source>for spreadsheets: a byte-order mark, ';' as separator (unless separator is given) and cells beginning with = + - @ shown as text (a leading ')</source>
            <translation>pour les tableurs : une marque d'ordre des octets, « ; » comme séparateur (sauf si un séparateur est donné) et les cellules commençant par = + - @ affichées comme texte (précédées d'une ')</translation>
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
            <source>Path prefix</source>
            <translation>Préfixe des chemins</translation>
        </message>
        <message>
            <source>written before every asset path, e.g. /content/dam/mylib (default: paths start with /)</source>
            <translation>écrit devant chaque chemin de ressource, par ex. /content/dam/mylib (par défaut : les chemins commencent par /)</translation>
        </message>
        <message>
            <source>Import metadata</source>
            <translation>Importer des métadonnées</translation>
        </message>
        <message>
            <source>Read asset metadata from a CSV file in the DAM's format (path column and typed headers) and apply it in transactional batches; each value set is an edit that survives re-reading the file. Unreadable records fail the job (listing what was applied); bad cells are warnings naming their line and column.</source>
            <translation>Lit les métadonnées des ressources dans un fichier CSV au format du DAM (colonne du chemin et en-têtes typés) et les applique par lots transactionnels ; chaque valeur définie est une modification qui survit à la relecture du fichier. Des enregistrements illisibles font échouer la tâche (en listant ce qui a été appliqué) ; les cellules incorrectes donnent des avertissements indiquant leur ligne et leur colonne.</translation>
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
            <source>the column with the asset path (any case)</source>
            <translation>la colonne qui contient le chemin de la ressource (casse indifférente)</translation>
        </message>
        <message>
            <source>repository prefix of the paths, stripped on import (e.g. /content/dam/mylib)</source>
            <translation>préfixe de dépôt des chemins, retiré à l'import (par ex. /content/dam/mylib)</translation>
        </message>
        <message>
            <source>Empty</source>
            <translation>Cellule vide</translation>
        </message>
        <message>
            <source>an empty cell leaves the property unchanged (keep, as the DAM does) or clears it</source>
            <translation>une cellule vide laisse la propriété inchangée (conserver, comme le fait le DAM) ou l'efface</translation>
        </message>
        <message>
            <source>keep</source>
            <translation>conserver</translation>
        </message>
        <message>
            <source>clear</source>
            <translation>effacer</translation>
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
            <source>Write metadata into files</source>
            <translation>Écrire les métadonnées dans les fichiers</translation>
        </message>
        <message>
            <source>Write the values people set (import, mass edit) into the files themselves: front matter for Markdown, &lt;title&gt; and &lt;meta&gt; for HTML, XMP sidecars for media. Undo puts the files back.</source>
            <translation>Écrit les valeurs définies par des personnes (import, modification en masse) dans les fichiers eux-mêmes : front matter pour Markdown, &lt;title&gt; et &lt;meta&gt; pour HTML, fichiers annexes XMP pour les médias. L'annulation remet les fichiers dans leur état d'origine.</translation>
        </message>
        <message>
            <source>only the assets of this folder (and below)</source>
            <translation>seulement les ressources de ce dossier (et de ses sous-dossiers)</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>used by undo: the files a writeback job wrote</source>
            <translation>utilisé par l'annulation : les fichiers écrits par une tâche de réécriture</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>Tâche</translation>
        </message>
        <message>
            <source>used by undo: the writeback job to revert</source>
            <translation>utilisé par l'annulation : la tâche de réécriture à annuler</translation>
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
            <source>Restore</source>
            <translation>Restaurer</translation>
        </message>
        <message>
            <source>then bring back what a move overwrote: [{"path": …, "trash": ENTRY, "job": N}] (used by undo)</source>
            <translation>puis ramener ce qu'un déplacement a écrasé : [{"path": …, "trash": ENTRÉE, "job": N}] (utilisé par l'annulation)</translation>
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
            <source>what to restore: [{"path": "docs/a.md", "trash": "ENTRY"}] as the delete job's result names them</source>
            <translation>quoi restaurer : [{"path": "docs/a.md", "trash": "ENTRÉE"}] tels que les nomme le résultat de la tâche de suppression</translation>
        </message>
        <message>
            <source>the delete job that put them in the trash</source>
            <translation>la tâche de suppression qui les a mis à la corbeille</translation>
        </message>
        <message>
            <source>Scan library</source>
            <translation>Analyser la bibliothèque</translation>
        </message>
        <message>
            <source>Index a library: every file and folder, the metadata of each asset and the references between files (Markdown, HTML, CSS). A re-scan only reads what changed. Values a person set (import, mass edit) are kept; a file whose own value changed under one is warned about.</source>
            <translation>Indexe une bibliothèque : chaque fichier et dossier, les métadonnées de chaque ressource et les références entre fichiers (Markdown, HTML, CSS). Une nouvelle analyse ne lit que ce qui a changé. Les valeurs définies par une personne (import, modification en masse) sont conservées ; un avertissement signale un fichier dont la propre valeur a changé sous l'une d'elles.</translation>
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
        <message>
            <source>Prefer</source>
            <translation>Préférer</translation>
        </message>
        <message>
            <source>edits: keep a person's edit when the file's own value changed under it (warned); file: take every file's values over the edits (re-reads every file)</source>
            <translation>edits : garder la modification d'une personne quand la valeur du fichier a changé sous elle (avec un avertissement) ; file : prendre les valeurs de chaque fichier plutôt que les modifications (relit chaque fichier)</translation>
        </message>
        <message>
            <source>edits</source>
            <translation>modifications</translation>
        </message>
        <message>
            <source>file</source>
            <translation>fichier</translation>
        </message>
    </context>
</TS>