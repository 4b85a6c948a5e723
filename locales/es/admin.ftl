# The research, import and administration pages.

## The research page (templates/pages/research.html, src/http/pages/research.rs)

research-title = Investigación
research-heading = La red en cifras
# Split around the link to the summary as JSON.
research-intro-before = El grafo de relevos: migrantes, organizaciones y equipos de respuesta, con cada vínculo que puede transmitir un mensaje (definiciones de NetworkX;
research-intro-link = en JSON
research-intro-after = ).
research-suppressed = Los grupos de menos de cinco actores se excluyen de los desgloses ({ $count ->
    [one] { $count } omitido
   *[other] { $count } omitidos
}).
research-summary = Resumen
research-actors = Actores
research-ties = Vínculos
research-density = Densidad
research-components = Componentes
research-largest = En el mayor
research-clustering = Agrupamiento medio
research-transitivity = Transitividad
research-communities = Comunidades (Louvain)
research-modularity = Modularidad
# A percentage; $percent is already written as the language writes numbers.
research-percent = { $percent } %
research-degree-caption = Actores por número de vínculos (grado)
research-degree-label = Actores por grado
research-capital-heading = Capital social
research-capital-shares = Del total de extremos de vínculos: { $bonding } de unión, { $bridging } de puente, { $linking } de vinculación.
research-tie-types-caption = Tipos de vínculo por primera lengua: la proporción de vínculos de unión (mismo tipo y lengua), de puente (entre lenguas o tipos) y de vinculación (con equipos de respuesta) entre los extremos de vínculos de cada grupo
research-tie-types-label = Tipos de vínculo por primera lengua; la tabla de abajo da las mismas cifras
# A segment's tooltip in the tie-types chart.
research-bar-title = { $language }: { $percent }
# After a language's three shares in the tie-types chart.
research-tie-ends = ({ $count ->
    [one] { $count } extremo
   *[other] { $count } extremos
})
research-legend-bonding = unión (izquierda)
research-legend-bridging = puente (centro)
research-legend-linking = vinculación (derecha)
research-bonding = Unión
research-bridging = Puente
research-linking = Vinculación
research-by-city = Por ciudad
research-city = Ciudad
research-by-language = Por primera lengua
research-language = Lengua
research-downloads = Descargas
research-downloads-personal = Toda la red, sin los migrantes que no han dado su consentimiento; añada seudónimos para compartirla con investigadores.
research-downloads-pseudonymised = Seudonimizado: los identificadores son seudónimos con clave, las ubicaciones una cuadrícula de 1 km, sin nombres ni contactos.
# Links after a download's format (csv · with metrics · pseudonymised).
research-with-metrics = con métricas
research-pseudonymised = seudonimizado
research-metrics-csv = Métricas por actor (CSV)

## The import page (templates/pages/import.html, static/js/import.js)

import-title = Importación
# Split around the link to the export.
import-intro-before = Añada o actualice actores y vínculos desde archivos CSV (actores, vínculos o ambos), o desde un único archivo de una red: el documento JSON o el zip CSV que genera
import-intro-link = la exportación
import-intro-after = de relaymap, o un archivo de grafo en GraphML, GEXF o node-link JSON (de relaymap, NetworkX, Gephi o igraph), o una exportación de Network Canvas leída mediante un mapeo guardado. Primero se comprueban los archivos contra la red sin escribir nada: abajo se enumera cada fila errónea, o lo que escribiría la importación, para que lo confirme. Una importación es todo o nada.
# Split around "HXL" (a link), followed by the two templates' file names.
import-templates-before = Empiece por las plantillas, con su fila
import-templates-after = :
import-files-legend = Los archivos
import-actors-label = Actores (CSV)
import-ties-label = Vínculos (CSV)
import-document-label = …o, en su lugar, un solo archivo de toda la red (JSON, GraphML, GEXF, node-link JSON, zip CSV)
# Split around two commands: relaymap import --graph FILE --mapping mapping.json, PUT /api/v1/mappings/NAME.
import-no-mapping-before = Una exportación de Network Canvas se lee mediante el mapeo de su estudio. Todavía no hay ningún mapeo guardado: guarde uno con
import-no-mapping-or = o
import-no-mapping-after = (graph-schema/README.md, «Network Canvas»).
import-mapping-label = Una exportación de Network Canvas (su GraphML o zip) se lee mediante el mapeo de su estudio
import-mapping-none = No es una exportación de Network Canvas
import-check-button = Comprobar los archivos
import-progress-label = Subida
import-confirm-button = Importar ahora
import-errors-label = Lo que la importación encontró mal
import-errors-caption = Filas que corregir: no se escribió nada
import-col-file = Archivo
import-col-line = Línea
import-col-field = Campo
import-col-problem = Problema

# The import page's script. The problems it lists, and its notes, are the API's (in English).
js-import-not-both = Elija archivos CSV o un solo archivo de toda la red, no ambos: ese archivo contiene por sí solo toda la red. Quite uno de ellos.
js-import-mapping-needs-file = Un mapeo lee un solo archivo, una exportación de Network Canvas: elíjalo como el archivo único de toda la red.
js-import-checking-sent = Comprobando: { $percent } % enviado
js-import-importing-sent = Importando: { $percent } % enviado
js-import-checking-rows = Comprobando: cada fila…
js-import-importing-rows = Importando: cada fila…
js-import-server-answered = el servidor respondió { $status }
js-import-upload-failed = la subida falló
# What an import writes: "{ $created } and { $updated }" of actors, then of ties.
js-import-new-and-updated = { $created } y { $updated }
js-import-new-actors-one = { $count } actor nuevo
js-import-new-actors-other = { $count } actores nuevos
js-import-updated-actors-one = { $count } actor actualizado
js-import-updated-actors-other = { $count } actores actualizados
js-import-new-ties-one = { $count } vínculo nuevo
js-import-new-ties-other = { $count } vínculos nuevos
js-import-updated-ties-one = { $count } vínculo actualizado
js-import-updated-ties-other = { $count } vínculos actualizados
js-import-unchanged-one = ({ $count } sin cambios, se deja como está)
js-import-unchanged-other = ({ $count } sin cambios, se dejan como están)
js-import-actors-and-ties = { $actors }, { $ties }
js-import-ready = Listo: la importación escribiría { $what }. No se escribe nada hasta que confirme.
js-import-imported = Importado: { $what }.
# Something the server read differently or left out ($note: the API's words).
js-import-note = Nota: { $note }.
js-import-nothing-checked = No se comprobó nada: { $reason }
js-import-choose-file = Elija primero un archivo.
js-import-check-failed = No se pudo hacer la comprobación: { $reason }
js-import-import-failed = No se pudo hacer la importación: { $reason }

## The administration pages: tokens, a token issued, the audit trail
## (templates/pages/admin.html, token-issued.html, audit.html, src/http/pages/admin.rs)

admin-title = Administración
admin-heading = Tokens y registro de auditoría
# Split around the link to the audit trail.
admin-intro = Cada persona que usa relaymap tiene un token: determina lo que puede ver.
admin-intro-link = El registro de auditoría
admin-intro-after = guarda cada llamada que toca datos de personas, y cada rechazo.
admin-tokens-heading = Tokens de acceso
admin-col-whose = De quién
admin-col-role = Rol
admin-col-made = Creado
admin-col-expires = Vence
admin-col-state = Estado
admin-revoke = Revocar
# A revoke link, to screen readers; $label: whose token it is.
admin-revoke-label = Revocar el token de { $label }
admin-this-session = esta sesión
admin-state-active = Activo
admin-state-expired = Vencido
admin-state-revoked = Revocado
# A token without an end.
admin-never = nunca
admin-done-revoked = Revocado: el token y sus sesiones ya no funcionan.
admin-issue-heading = Emitir un token
admin-not-issued = No se emitió ningún token
admin-error-prefix = Error:
admin-label-label = De quién es el token
admin-label-hint = Un equipo o una persona, tal como debe nombrarlos el registro de auditoría. Ningún dato personal sobre las personas de la red.
admin-error-label = Indique de quién es el token, por ejemplo «ONG del puerto, equipo de campo».
admin-role-legend = Qué permite hacer
# The roles by name, and what each may do ("viewer: counts only").
admin-role-admin = administrador
admin-role-coordinator = coordinador
admin-role-analyst = analista
admin-role-viewer = lector
admin-role-interviewer = entrevistador
admin-role-separator = {": "}
admin-role-admin-may = todo, incluidos los tokens y el registro de auditoría
admin-role-coordinator-may = la red misma: nombres, mapas, escenarios, importaciones
admin-role-analyst-may = datos de investigación seudonimizados y métricas
admin-role-viewer-may = solo recuentos
admin-role-interviewer-may = solo entrevistas de campo: la página de entrevistas y la lista de personas por nombre
admin-error-role = Elija qué permite hacer el token.
admin-days-label = Vence después de (días)
admin-days-hint = Vacío: nunca vence. Conviene que el token de un equipo de campo dure poco.
admin-error-days = Indique un número entero de días de 1 a 3650, o déjelo vacío.
admin-issue-button = Emitir el token

# Asking before a token is revoked; $label: whose token it is, $role: its role's name.
admin-revoke-title = ¿Revocar el token «{ $label }»?
admin-revoke-warning = Quien tenga este token de { $role } pierde el acceso de inmediato, y todas las sesiones iniciadas con él terminan. No se puede deshacer: emita un token nuevo si vuelve a necesitar acceso.
admin-revoke-button = Revocar el token

admin-issued-title = Token emitido
# Around whose token it is (in bold); $role: its role's name, $expires: when it expires.
admin-issued-before = Un token de { $role } para
admin-issued-after = , que vence el { $expires }. Entregue este secreto en persona o por un canal cifrado:
admin-issued-after-never = , sin vencimiento. Entregue este secreto en persona o por un canal cifrado:
admin-warning-prefix = Advertencia:
admin-issued-warning = Solo se muestra ahora: relaymap guarda únicamente su hash. Cópielo antes de salir de esta página.
admin-back-to-tokens = Volver a los tokens

admin-audit-title = Registro de auditoría
admin-audit-newest = { $count ->
    [1] La entrada más reciente.
   *[other] Las { $count } entradas más recientes.
}
admin-audit-older-intro = Entradas anteriores.
# Around the two words the trail keeps instead of names: withheld, erased.
admin-audit-kept-before = Las búsquedas se guardan como
admin-audit-kept-between = , las personas borradas como
admin-audit-kept-after = : el registro nunca las nombra.
admin-audit-entries = Entradas de auditoría
admin-col-when = Cuándo
admin-col-who = Quién
admin-col-call = Llamada
admin-col-about = Sobre
admin-col-outcome = Resultado
admin-col-records = Registros
admin-audit-older = Entradas anteriores
