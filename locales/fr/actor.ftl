# Les acteurs : la liste (/actors), la fiche d'un acteur, les pages de création et de
# suppression, les erreurs des formulaires (les règles du modèle en mots) et les doublons à
# examiner (/duplicates).

## La liste des acteurs

actor-list-title = Acteurs
actor-list-new = Nouvel acteur
actor-list-duplicates-link = Doublons possibles
actor-list-find-label = Chercher des acteurs
actor-list-name-label = Nom, ou une partie du nom
actor-list-any = indifférent
actor-list-language-label = Langue
actor-list-find = Chercher
actor-list-error-heading = Aucune recherche n'a été faite
actor-list-unknown-language = Aucune langue ne s'appelle « { $language } ».
actor-list-empty = Aucun acteur ne correspond.
actor-list-found-label = Acteurs trouvés
actor-list-caption-page = Acteurs ({ $count } sur cette page)
actor-list-caption-all = Acteurs ({ $count })
actor-list-caption-more-page = Acteurs suivants ({ $count } sur cette page)
actor-list-caption-more-all = Acteurs suivants ({ $count })
actor-list-next = { $count ->
    [one] { $count } acteur suivant
   *[other] { $count } acteurs suivants
}
actor-list-done-deleted = Supprimé, avec ses liens.
actor-list-done-erased = Effacé : il ne reste aucune trace de cette personne dans relaymap.

## Colonnes et détails (la liste, la fiche, les doublons)

actor-col-name = Nom
actor-col-kind = Type
actor-col-languages = Langues
actor-col-city = Ville
actor-col-reach = Comment les joindre
# A short column heading in narrow tables.
actor-col-reach-by = Joindre par

## La fiche d'un acteur

actor-card-location = Localisation
actor-card-consent = Consentement
# The languages, then the first one.
actor-card-languages-first = { $languages } (première : { $first })
actor-card-coordinates = { $lat } ; { $lon }
actor-card-change = Modifier les informations
actor-card-delete-link = Supprimer ou effacer
actor-card-save = Enregistrer les informations
actor-card-created = Créé. Ajoutez ses liens ci-dessous.
actor-card-saved = Enregistré.
actor-card-tie-added = Lien ajouté.
actor-card-tie-removed = Lien retiré.
actor-card-reach-heading = Qui peut joindre { $name }
actor-card-reach-none = Aucun intervenant ne joint cette personne en { $hops ->
    [one] { $hops } lien
   *[other] { $hops } liens
} au plus, par des liens dont les deux extrémités partagent une langue.
# One sentence in five parts: the second and the fourth are in bold.
actor-card-reach-hint-start = Pour chaque intervenant, le
actor-card-reach-hint-fewest = plus petit nombre de liens
actor-card-reach-hint-middle = jusqu'à { $name }, et le
actor-card-reach-hint-reliable = chemin le plus fiable
actor-card-reach-hint-end = (le plus grand produit des confiances le long du chemin, en { $hops ->
    [one] { $hops } lien
   *[other] { $hops } liens
} au plus), qui peut être plus long.
actor-card-col-responder = Intervenant
actor-card-col-fewest = Liens au minimum
actor-card-col-reliability = Fiabilité
actor-card-col-path = Chemin le plus fiable
actor-card-path-ties = { $count ->
    [one] { $count } lien :
   *[other] { $count } liens :
}
# Between the actors of a path, in reading order.
actor-card-path-arrow = →
actor-card-ties-heading = Liens ({ $count })
# One sentence around three numbers in bold: "Social capital: 2 bonding, 0 bridging and 1 linking ties."
actor-card-profile-start = Liens par type de capital social :
actor-card-profile-bonding = d'attachement,
actor-card-profile-bridging = de passerelle et
actor-card-profile-linking = de liaison.
actor-card-no-ties = Aucun lien pour l'instant.
actor-card-col-with = Avec
actor-card-col-trust = Confiance
actor-card-col-channels = Canaux
actor-card-col-verified = Vérifié le
actor-card-col-capital = Capital social
actor-card-remove = Retirer
actor-card-remove-label = Retirer le lien avec { $name }

## Ajouter et retirer un lien sur la fiche

actor-tie-add = Ajouter un lien
actor-tie-not-added = Le lien n'a pas été ajouté
actor-tie-other-label = Avec qui
actor-tie-other-hint = Son nom (ou son identifiant). Des noms sont proposés pendant la saisie.
actor-tie-kind-label = Nature du lien
actor-tie-trust-hint = De 0 (aucune) à 1 (totale) ; 0,5 si le champ reste vide.
actor-tie-channels-legend = Canaux utilisés par ce lien
actor-tie-verified-label = Dernière vérification
actor-tie-note-label = Remarque
actor-tie-note-hint = Uniquement ce dont la cellule de crise a besoin ; jamais le statut juridique.
actor-tie-button = Ajouter le lien
actor-tie-self = Un lien relie deux acteurs différents : choisissez quelqu'un d'autre.
actor-tie-pick-kind = Choisissez la nature du lien.
actor-tie-trust-not-number = La confiance est un nombre de 0 à 1, par exemple 0,8.
# $tie: the tie kind in words; $rule: what it may join; $kind: the other actor's kind ("a city").
actor-tie-kind-mismatch = Un lien « { $tie } » relie { $rule } ; { $name } est { $kind }.
actor-tie-remove-title = Retirer ce lien ?
# "Dawit is a member of Eritrean Association. ..."
actor-tie-remove-warning = { $source } { $relation } { $target }. La portée et la couverture n'utiliseront plus ce lien. C'est irréversible : pour le rétablir, ajoutez-le de nouveau.
actor-tie-remove-button = Retirer le lien

## Les champs du formulaire d'un acteur (nouveau ou modifié)

actor-field-languages = Langues, la première langue d'abord
# $example: two languages by name, as a list.
actor-field-languages-hint = Noms ou codes, séparés par des virgules : { $example }
actor-field-no-city = aucune
actor-field-reach-legend = Comment le joindre
actor-field-location-hint = (celle d'une personne migrante est ramenée à une grille de 100 m)
actor-field-latitude = Latitude (°)
actor-field-longitude = Longitude (°)
actor-field-consent-hint = (personnes migrantes uniquement : les usages de leurs données qu'elles ont acceptés)
actor-field-expires = Expire le
actor-field-expires-hint = (facultatif ; à partir de ce jour, il ne compte plus)
actor-field-unknown-language = Aucune langue ne s'appelle « { $language } » : indiquez son nom ou son code à trois lettres.
actor-field-location-invalid = Indiquez la latitude et la longitude en degrés décimaux, ou aucune des deux.

## Un nouvel acteur

actor-new-who = Qui est-ce
actor-new-create = Créer

## Supprimer ou effacer un acteur

actor-delete-title = Supprimer ou effacer { $name }
actor-delete-nothing = Rien n'a été supprimé
# $kind: "a migrant", "an organisation"...
actor-delete-summary = { $name } est { $kind } avec { $ties ->
    [one] { $ties } lien
   *[other] { $ties } liens
}. Dans les deux cas, cet acteur et ses liens quittent aussitôt le réseau et toutes les analyses.
actor-delete-how = Comment
actor-delete-delete = Supprimer
# Follows "Delete" in bold.
actor-delete-delete-text = {" "}: retirer cet acteur et ses liens. Le journal d'audit garde la trace de la suppression, de son auteur et de sa date.
actor-delete-erase = Effacer
# Follows "Erase" in bold.
actor-delete-erase-text = (le droit à l'oubli) : retirer aussi toute trace de cet acteur — dans les scénarios enregistrés, dans les entrées du journal d'audit qui le concernent et dans le fichier de la base de données.
actor-delete-warning = C'est irréversible. Les sauvegardes faites avant le conservent jusqu'à leur suppression.
actor-delete-button = Supprimer { $name }
actor-delete-city-members = La ville { $id } est la ville de { $count } { $count ->
    [one] acteur ; déplacez-le
   *[other] acteurs ; déplacez-les
} d'abord vers une autre ville.

## Formulaires : mots communs et erreurs des modifications refusées

form-cancel = Annuler
# Read out before a warning by screen readers.
form-warning-prefix = Attention :
# Read out before an error message by screen readers.
form-error-prefix = Erreur :
form-error-summary-heading = Rien n'a été enregistré
form-error-give-other = Indiquez le nom ou l'identifiant de l'autre acteur.
form-error-no-actor-called = Aucun acteur ne s'appelle « { $name } ».
# $close: the actors whose name is close, with their ids.
form-error-no-actor-exactly = Aucun acteur ne s'appelle exactement « { $name } » ; vouliez-vous dire { $close } ?
form-error-several-actors = Plusieurs acteurs s'appellent « { $name } » : indiquez l'identifiant de celui que vous voulez dire ({ $listed }).
form-error-not-in-network = { $id } n'est pas dans le réseau.
form-error-self-distinct = Un acteur n'est pas distinct de lui-même.
form-error-self-merge = Un acteur ne peut pas être fusionné avec lui-même.
# $from_kind, $into_kind: the kinds' codes; $from_a_kind, $into_a_kind: in words ("a migrant").
form-error-different-kinds = { $from } est { $from_a_kind } et { $into } { $into_a_kind } : seules les fiches d'un même type sont fusionnées.
form-error-city-merge = Les villes ne sont pas fusionnées : rattachez leurs acteurs à une seule ville, puis supprimez l'autre.
form-error-actor-not-found = Acteur { $id } introuvable.
form-error-tie-not-found = Lien { $id } introuvable.

# What each tie kind may join.
form-tie-rule-knows = une personne migrante à une personne migrante
form-tie-rule-member-of = une personne migrante à un organisme
form-tie-rule-partners-with = des organismes et des intervenants entre eux
form-tie-rule-serves = un organisme ou un intervenant à une personne migrante
form-tie-rule-located-in = une personne migrante, un organisme ou un intervenant à une ville

# The model's rules. $value: what was typed.
form-error-invalid-id = Un identifiant compte de 1 à 64 caractères : lettres, chiffres, « - », « _ », « . » ou « : ».
form-error-unknown-actor-kind = Type d'acteur inconnu « { $value } » : attendu migrant, organisation, responder ou city.
form-error-unknown-tie-kind = Type de lien inconnu « { $value } » : attendu knows, member_of, partners_with, serves ou located_in.
form-error-empty-name = Le nom ne doit pas être vide.
form-error-invalid-name = Le nom compte au plus 200 caractères, sans caractères de contrôle.
form-error-invisible-name = Le nom doit avoir au moins un caractère visible.
form-error-bidi-name = Le nom ne doit pas contenir de caractères de contrôle bidirectionnels (U+202A à U+202E, U+2066 à U+2069, U+200E, U+200F, U+061C).
form-error-bidi-note = La remarque ne doit pas contenir de caractères de contrôle bidirectionnels (U+202A à U+202E, U+2066 à U+2069, U+200E, U+200F, U+061C).
form-error-invalid-language = La langue « { $value } » n'est pas un code ISO 639-3 (trois lettres minuscules, comme tir ou ara).
# $code: the language's code; $name: its name.
form-error-duplicate-language = La langue { $name } ({ $code }) figure deux fois.
form-error-unknown-channel = Canal inconnu « { $value } » : attendu in_person, phone, sms, whatsapp, radio, social_media ou email.
form-error-latitude = La latitude est un nombre de -90 à 90.
form-error-longitude = La longitude est un nombre de -180 à 180.
form-error-half-location = Une localisation demande à la fois la latitude et la longitude.
form-error-trust = La confiance doit être supérieure à 0 et au plus égale à 1.
form-error-unknown-role = Rôle inconnu « { $value } » : attendu admin, coordinator, analyst, viewer ou interviewer.
form-error-invalid-label = Un libellé compte de 1 à 100 caractères, avec quelque chose de visible, sans caractères de contrôle ni de contrôle bidirectionnel.
form-error-not-a-number = « { $value } » n'est pas un nombre.
form-error-not-a-boolean = « { $value } » n'est pas un booléen : utilisez true ou false.
form-error-invalid-date = « { $value } » n'est pas une date : utilisez AAAA-MM-JJ.
form-error-invalid-timestamp = « { $value } » n'est pas un horodatage RFC 3339.
form-error-attributes-not-object = Les attributs doivent former un objet JSON.
form-error-attributes-too-large = Les attributs font au plus 4 096 octets en JSON.
form-error-note-too-long = Une remarque compte au plus 2 000 caractères.
form-error-missing = Ce champ est obligatoire.
form-error-self-tie = Un lien ne peut pas relier un acteur à lui-même.
# $kind, $source, $target: codes; $tie, $a_source, $a_target: in words; $rule: what the kind may join.
form-error-kind-mismatch = Un lien « { $tie } » ne peut pas aller d'{ $a_source } vers { $a_target } : il relie { $rule }.
form-error-unknown-actor = L'acteur { $id } n'existe pas.
form-error-not-a-city = { $id } n'est pas une ville.
# $kind: the kind's code; $a_kind: in words.
form-error-kind-change = L'acteur { $id } est { $a_kind } ; le type d'un acteur ne peut pas changer (supprimez-le et recréez-le).
form-error-duplicate-id = L'identifiant { $id } apparaît deux fois dans cette importation (d'abord à la ligne { $line }).
form-error-already-exists = { $id } existe déjà.
form-error-does-not-exist = { $id } n'existe pas.
# $kind: the code; $tie: in words; $other: the id of the tie already there.
form-error-twin-tie = { $source } a déjà un lien « { $tie } » vers { $target } ({ $other }) : modifiez ce lien au lieu d'en ajouter un double.
form-error-unknown-column = Colonne inconnue « { $value } ».

## Doublons à examiner

duplicates-title = Doublons
duplicates-heading = Doublons possibles
duplicates-intro = Des entretiens et des importations faits par des personnes différentes peuvent enregistrer deux fois la même personne. Ces paires se ressemblent : noms proches (y compris écrits dans des alphabets différents), même ville ou mêmes langues, liens avec les mêmes personnes. La fusion garde la fiche que vous choisissez, y déplace tous les liens de l'autre, ajoute ce que seule l'autre avait (langues, canaux, une localisation, une ville) et supprime l'autre ; le consentement n'est conservé que si les deux fiches l'avaient. C'est irréversible.
duplicates-error-heading = Rien n'a été modifié
duplicates-empty = Aucun doublon probable.
duplicates-pair = { $a } et { $b }
duplicates-alike = (ressemblance : { $percent } %)
duplicates-side-by-side = { $a } et { $b }, côte à côte
duplicates-col-record = Fiche
duplicates-keep = Garder { $name } ({ $id }) et y fusionner { $other }
duplicates-distinct = Ce sont deux personnes
duplicates-done-merged = Fusionné : il reste une seule fiche, avec tous les liens.
duplicates-done-distinct = Marqués comme distincts : la paire ne sera plus proposée.
duplicates-pair-unknown = La paire n'a pas été comprise : rechargez la page.
# The reasons below, joined: "Similar names (0.94), same city."
duplicates-reasons = { $reasons }.
duplicates-reason-names = noms proches ({ $likeness })
duplicates-reason-city = même ville
duplicates-reason-languages = mêmes langues
duplicates-reason-language = une langue en commun
duplicates-reason-ties = { $common } { $common ->
    [one] lien
   *[other] liens
} en commun sur { $all }

## Scripts : les noms proposés pendant la saisie (static/js/suggest.js)

js-suggest-kind-migrant = personne migrante
js-suggest-kind-organisation = organisme
js-suggest-kind-responder = intervenant
js-suggest-kind-city = ville
