# Los actores: la lista (/actors), la ficha de un actor, las páginas de alta y de
# eliminación, los errores de los formularios (las reglas del modelo en palabras) y los
# duplicados por revisar (/duplicates).

## La lista de actores

actor-list-title = Actores
actor-list-new = Nuevo actor
actor-list-duplicates-link = Posibles duplicados
actor-list-find-label = Buscar actores
actor-list-name-label = Nombre, o una parte
actor-list-any = cualquiera
actor-list-language-label = Idioma
actor-list-find = Buscar
actor-list-error-heading = No se hizo ninguna búsqueda
actor-list-unknown-language = Ningún idioma se llama «{ $language }».
actor-list-empty = Ningún actor coincide.
actor-list-found-label = Actores encontrados
actor-list-caption-page = Actores ({ $count } en esta página)
actor-list-caption-all = Actores ({ $count })
actor-list-caption-more-page = Más actores ({ $count } en esta página)
actor-list-caption-more-all = Más actores ({ $count })
actor-list-next = { $count ->
    [one] Siguiente actor
   *[other] Siguientes { $count } actores
}
actor-list-done-deleted = Eliminado, con sus vínculos.
actor-list-done-erased = Borrado: no queda ningún rastro en relaymap.

## Columnas y detalles (la lista, la ficha, los duplicados)

actor-col-name = Nombre
actor-col-kind = Tipo
actor-col-languages = Idiomas
actor-col-city = Ciudad
actor-col-reach = Cómo contactarlos
# A short column heading in narrow tables.
actor-col-reach-by = Contactar por

## La ficha de un actor

actor-card-location = Ubicación
actor-card-consent = Consentimiento
# The languages, then the first one.
actor-card-languages-first = { $languages } (primero: { $first })
actor-card-coordinates = { $lat }; { $lon }
actor-card-change = Cambiar los datos
actor-card-delete-link = Eliminar o borrar
actor-card-save = Guardar los datos
actor-card-created = Creado. Añada sus vínculos más abajo.
actor-card-saved = Guardado.
actor-card-tie-added = Vínculo añadido.
actor-card-tie-removed = Vínculo quitado.
actor-card-reach-heading = Quién puede alcanzar a { $name }
actor-card-reach-none = Ningún equipo de respuesta lo alcanza en { $hops ->
    [one] { $hops } vínculo
   *[other] { $hops } vínculos
} o menos, por vínculos cuyos dos extremos comparten un idioma.
# One sentence in five parts: the second and the fourth are in bold.
actor-card-reach-hint-start = Para cada equipo de respuesta, el
actor-card-reach-hint-fewest = menor número de vínculos
actor-card-reach-hint-middle = hasta { $name }, y su
actor-card-reach-hint-reliable = camino más fiable
actor-card-reach-hint-end = (el mayor producto de la confianza a lo largo del camino, en { $hops ->
    [one] { $hops } vínculo
   *[other] { $hops } vínculos
} o menos), que puede ser más largo.
actor-card-col-responder = Equipo de respuesta
actor-card-col-fewest = Mínimo de vínculos
actor-card-col-reliability = Fiabilidad
actor-card-col-path = Camino más fiable
actor-card-path-ties = { $count ->
    [one] { $count } vínculo:
   *[other] { $count } vínculos:
}
# Between the actors of a path, in reading order.
actor-card-path-arrow = →
actor-card-ties-heading = Vínculos ({ $count })
# One sentence around three numbers in bold: "Social capital: 2 bonding, 0 bridging and 1 linking ties."
actor-card-profile-start = Vínculos por tipo de capital social:
actor-card-profile-bonding = de unión,
actor-card-profile-bridging = de puente y
actor-card-profile-linking = de vinculación.
actor-card-no-ties = Todavía no hay vínculos.
actor-card-col-with = Con
actor-card-col-trust = Confianza
actor-card-col-channels = Canales
actor-card-col-verified = Verificado
actor-card-col-capital = Capital social
actor-card-remove = Quitar
actor-card-remove-label = Quitar el vínculo con { $name }

## Añadir y quitar un vínculo en la ficha

actor-tie-add = Añadir un vínculo
actor-tie-not-added = El vínculo no se añadió
actor-tie-other-label = Con quién
actor-tie-other-hint = Su nombre (o id). Se sugieren nombres mientras escribe.
actor-tie-kind-label = Qué vínculo es
actor-tie-trust-hint = De 0 (ninguna) a 1 (total); 0,5 si se deja vacío.
actor-tie-channels-legend = Canales que usa el vínculo
actor-tie-verified-label = Última verificación
actor-tie-note-label = Nota
actor-tie-note-hint = Solo lo que necesita la célula de crisis; nunca la situación legal.
actor-tie-button = Añadir el vínculo
actor-tie-self = Un vínculo une a dos actores distintos: elija a otra persona.
actor-tie-pick-kind = Elija qué vínculo es.
actor-tie-trust-not-number = La confianza es un número de 0 a 1, por ejemplo 0,8.
# $tie: the tie kind in words; $rule: what it may join; $kind: the other actor's kind ("a city").
actor-tie-kind-mismatch = Un vínculo «{ $tie }» une { $rule }; { $name } es { $kind }.
actor-tie-remove-title = ¿Quitar este vínculo?
# "Dawit is a member of Eritrean Association. ..."
actor-tie-remove-warning = { $source } { $relation } { $target }. El alcance y la cobertura dejarán de usar este vínculo. No se puede deshacer: para recuperarlo, añádalo de nuevo.
actor-tie-remove-button = Quitar el vínculo

## Los campos del formulario de un actor (nuevo o modificado)

actor-field-languages = Idiomas, primero la lengua materna
# $example: two languages by name, as a list.
actor-field-languages-hint = Nombres o códigos, separados por comas: { $example }
actor-field-no-city = ninguna
actor-field-reach-legend = Cómo se le puede contactar
actor-field-location-hint = (la de un migrante se ajusta a una cuadrícula de 100 m)
actor-field-latitude = Latitud
actor-field-longitude = Longitud
actor-field-consent-hint = (solo migrantes: para qué aceptaron que se usen sus datos)
actor-field-expires = Vence el
actor-field-expires-hint = (opcional; desde ese día cuenta como no dado)
actor-field-unknown-language = Ningún idioma se llama «{ $language }»: indique su nombre o su código de tres letras.
actor-field-location-invalid = Indique la latitud y la longitud en grados decimales, o ninguna de las dos.

## Un actor nuevo

actor-new-who = Quién es
actor-new-create = Crear

## Eliminar o borrar un actor

actor-delete-title = Eliminar o borrar a { $name }
actor-delete-nothing = No se eliminó nada
# $kind: "a migrant", "an organisation"...
actor-delete-summary = { $name } es { $kind } con { $ties ->
    [one] { $ties } vínculo
   *[other] { $ties } vínculos
}. En ambos casos, el actor y sus vínculos salen de inmediato de la red y de todos los análisis.
actor-delete-how = Cómo
actor-delete-delete = Eliminar
# Follows "Delete" in bold.
actor-delete-delete-text = : quitar el actor y sus vínculos. El registro de auditoría conserva que se eliminó, quién lo hizo y cuándo.
actor-delete-erase = Borrar
# Follows "Erase" in bold.
actor-delete-erase-text = (el derecho al olvido): quitar además todo rastro del actor — de los escenarios guardados, de las entradas del registro de auditoría que lo mencionan y del archivo de la base de datos.
actor-delete-warning = No se puede deshacer. Las copias de seguridad anteriores lo conservan hasta que se eliminen.
actor-delete-button = Eliminar a { $name }
actor-delete-city-members = La ciudad { $id } es la ciudad de { $count } { $count ->
    [one] actor; muévalo
   *[other] actores; muévalos
} primero a otra ciudad.

## Formularios: palabras comunes y errores de los cambios rechazados

form-cancel = Cancelar
# Read out before a warning by screen readers.
form-warning-prefix = Atención:
# Read out before an error message by screen readers.
form-error-prefix = Error:
form-error-summary-heading = No se guardó nada
form-error-give-other = Indique el nombre o el id del otro actor.
form-error-no-actor-called = Ningún actor se llama «{ $name }».
# $close: the actors whose name is close, with their ids.
form-error-no-actor-exactly = Ningún actor se llama exactamente «{ $name }»; ¿quiso decir { $close }?
form-error-several-actors = Varios actores se llaman «{ $name }»: indique el id del que busca ({ $listed }).
form-error-not-in-network = { $id } no está en la red.
form-error-self-distinct = Un actor no es distinto de sí mismo.
form-error-self-merge = Un actor no se puede fusionar consigo mismo.
# $from_kind, $into_kind: the kinds' codes; $from_a_kind, $into_a_kind: in words ("a migrant").
form-error-different-kinds = { $from } es { $from_a_kind } y { $into }, { $into_a_kind }: solo se fusionan registros del mismo tipo.
form-error-city-merge = Las ciudades no se fusionan: mueva sus actores a una sola ciudad y luego elimine la otra.
form-error-actor-not-found = No se encontró el actor { $id }.
form-error-tie-not-found = No se encontró el vínculo { $id }.

# What each tie kind may join.
form-tie-rule-knows = un migrante con un migrante
form-tie-rule-member-of = un migrante con una organización
form-tie-rule-partners-with = organizaciones y equipos de respuesta entre sí
form-tie-rule-serves = una organización o un equipo de respuesta con un migrante
form-tie-rule-located-in = un migrante, una organización o un equipo de respuesta con una ciudad

# The model's rules. $value: what was typed.
form-error-invalid-id = Un id tiene de 1 a 64 caracteres: letras, cifras, «-», «_», «.» o «:».
form-error-unknown-actor-kind = Tipo de actor desconocido «{ $value }»: se espera migrant, organisation, responder o city.
form-error-unknown-tie-kind = Tipo de vínculo desconocido «{ $value }»: se espera knows, member_of, partners_with, serves o located_in.
form-error-empty-name = El nombre no puede estar vacío.
form-error-invalid-name = El nombre tiene como máximo 200 caracteres, sin caracteres de control.
form-error-invisible-name = El nombre debe tener al menos un carácter visible.
form-error-bidi-name = El nombre no puede contener caracteres de control bidireccional (U+202A a U+202E, U+2066 a U+2069, U+200E, U+200F, U+061C).
form-error-bidi-note = La nota no puede contener caracteres de control bidireccional (U+202A a U+202E, U+2066 a U+2069, U+200E, U+200F, U+061C).
form-error-invalid-language = El idioma «{ $value }» no es un código ISO 639-3 (tres letras minúsculas, como tir o ara).
# $code: the language's code; $name: its name.
form-error-duplicate-language = El idioma { $name } ({ $code }) aparece dos veces.
form-error-unknown-channel = Canal desconocido «{ $value }»: se espera in_person, phone, sms, whatsapp, radio, social_media o email.
form-error-latitude = La latitud es un número de -90 a 90.
form-error-longitude = La longitud es un número de -180 a 180.
form-error-half-location = Una ubicación necesita la latitud y la longitud.
form-error-trust = La confianza debe ser mayor que 0 y como máximo 1.
form-error-unknown-role = Rol desconocido «{ $value }»: se espera admin, coordinator, analyst, viewer o interviewer.
form-error-invalid-label = Una etiqueta tiene de 1 a 100 caracteres, algo visible, sin caracteres de control ni de control bidireccional.
form-error-not-a-number = «{ $value }» no es un número.
form-error-not-a-boolean = «{ $value }» no es un booleano: use true o false.
form-error-invalid-date = «{ $value }» no es una fecha: use AAAA-MM-DD.
form-error-invalid-timestamp = «{ $value }» no es una marca de tiempo RFC 3339.
form-error-attributes-not-object = Los atributos deben ser un objeto JSON.
form-error-attributes-too-large = Los atributos ocupan como máximo 4096 bytes en JSON.
form-error-note-too-long = Una nota tiene como máximo 2000 caracteres.
form-error-missing = Este campo es obligatorio.
form-error-self-tie = Un vínculo no puede unir a un actor consigo mismo.
# $kind, $source, $target: codes; $tie, $a_source, $a_target: in words; $rule: what the kind may join.
form-error-kind-mismatch = Un vínculo «{ $tie }» no puede ir de { $a_source } a { $a_target }: une { $rule }.
form-error-unknown-actor = El actor { $id } no existe.
form-error-not-a-city = { $id } no es una ciudad.
# $kind: the kind's code; $a_kind: in words.
form-error-kind-change = El actor { $id } es { $a_kind }; el tipo de un actor no puede cambiar (elimínelo y vuelva a crearlo).
form-error-duplicate-id = El id { $id } aparece dos veces en esta importación (primero en la línea { $line }).
form-error-already-exists = { $id } ya existe.
form-error-does-not-exist = { $id } no existe.
# $kind: the code; $tie: in words; $other: the id of the tie already there.
form-error-twin-tie = { $source } ya tiene un vínculo «{ $tie }» con { $target } ({ $other }): actualice ese vínculo en lugar de añadir uno gemelo.
form-error-unknown-column = Columna desconocida «{ $value }».

## Duplicados por revisar

duplicates-title = Duplicados
duplicates-heading = Posibles duplicados
duplicates-intro = Las entrevistas y las importaciones hechas por distintas personas pueden registrar dos veces a la misma persona. Estos pares se parecen: nombres similares (también escritos en alfabetos distintos), la misma ciudad o los mismos idiomas, vínculos con las mismas personas. Fusionar conserva el registro que usted elija, le pasa todos los vínculos del otro, añade lo que solo tenía el otro (idiomas, canales, una ubicación, una ciudad) y elimina el otro; el consentimiento se mantiene solo si ambos registros lo tenían. No se puede deshacer.
duplicates-error-heading = No se cambió nada
duplicates-empty = Ningún duplicado probable.
duplicates-pair = { $a } y { $b }
duplicates-alike = (parecido: { $percent } %)
duplicates-side-by-side = { $a } y { $b }, lado a lado
duplicates-col-record = Registro
duplicates-keep = Conservar a { $name } ({ $id }) y fusionar en él a { $other }
duplicates-distinct = Son dos personas
duplicates-done-merged = Fusionados: queda un solo registro, con todos los vínculos.
duplicates-done-distinct = Marcados como distintos: el par no volverá a aparecer.
duplicates-pair-unknown = No se entendió el par: recargue la página.
# The reasons below, joined: "Similar names (0.94), same city."
duplicates-reasons = { $reasons }.
duplicates-reason-names = nombres similares ({ $likeness })
duplicates-reason-city = misma ciudad
duplicates-reason-languages = mismos idiomas
duplicates-reason-language = un idioma en común
duplicates-reason-ties = { $common } de { $all } { $all ->
    [one] vínculo
   *[other] vínculos
} en común

## Scripts: los nombres sugeridos al escribir (static/js/suggest.js)

js-suggest-kind-migrant = migrante
js-suggest-kind-organisation = organización
js-suggest-kind-responder = equipo de respuesta
js-suggest-kind-city = ciudad
