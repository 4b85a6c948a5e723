# The research, import and administration pages.

## The research page (templates/pages/research.html, src/http/pages/research.rs)

research-title = Investigação
research-heading = A rede em números
# Split around the link to the summary as JSON.
research-intro-before = O grafo de retransmissão: migrantes, organizações e socorristas, com cada laço que pode levar uma mensagem (definições do NetworkX;
research-intro-link = em JSON
research-intro-after = ).
research-suppressed = Os grupos com menos de cinco atores ficam fora das desagregações ({ $count ->
    [one] { $count } omitido
   *[other] { $count } omitidos
}).
research-summary = Resumo
research-actors = Atores
research-ties = Laços
research-density = Densidade
research-components = Componentes
research-largest = No maior
research-clustering = Agrupamento médio
research-transitivity = Transitividade
research-communities = Comunidades (Louvain)
research-modularity = Modularidade
# A percentage; $percent is already written as the language writes numbers.
research-percent = { $percent } %
research-degree-caption = Atores por número de laços (grau)
research-degree-label = Atores por grau
research-capital-heading = Capital social
research-capital-shares = Do total de extremidades de laços: { $bonding } de vínculo, { $bridging } de ponte, { $linking } de ligação.
research-tie-types-caption = Tipos de laço por primeira língua: a parte de laços de vínculo (mesmo tipo e língua), de ponte (entre línguas ou tipos) e de ligação (a socorristas) entre as extremidades de laços de cada grupo
research-tie-types-label = Tipos de laço por primeira língua; a tabela abaixo dá os mesmos números
# A segment's tooltip in the tie-types chart.
research-bar-title = { $language }: { $percent }
# After a language's three shares in the tie-types chart.
research-tie-ends = ({ $count ->
    [one] { $count } extremidade
   *[other] { $count } extremidades
})
research-legend-bonding = vínculo (esquerda)
research-legend-bridging = ponte (meio)
research-legend-linking = ligação (direita)
research-bonding = Vínculo
research-bridging = Ponte
research-linking = Ligação
research-by-city = Por cidade
research-city = Cidade
research-by-language = Por primeira língua
research-language = Língua
research-downloads = Transferências
research-downloads-personal = A rede inteira, sem os migrantes que não deram consentimento; acrescente pseudónimos para a partilhar com investigadores.
research-downloads-pseudonymised = Pseudonimizado: os identificadores são pseudónimos com chave, as localizações uma grelha de 1 km, sem nomes nem contactos.
# Links after a download's format (csv · with metrics · pseudonymised).
research-with-metrics = com métricas
research-pseudonymised = pseudonimizado
research-metrics-csv = Métricas por ator (CSV)

## The import page (templates/pages/import.html, static/js/import.js)

import-title = Importação
# Split around the link to the export.
import-intro-before = Acrescente ou atualize atores e laços a partir de ficheiros CSV (atores, laços ou ambos), ou de um único ficheiro de uma rede: o documento JSON ou o zip CSV que
import-intro-link = a exportação
import-intro-after = escreve, ou um ficheiro de grafo em GraphML, GEXF ou node-link JSON (do relaymap, NetworkX, Gephi ou igraph), ou uma exportação do Network Canvas lida através de um mapeamento guardado. Os ficheiros são primeiro verificados face à rede, sem gravar nada: cada linha errada é listada abaixo, ou então o que a importação gravaria, para confirmar. Uma importação é tudo ou nada.
# Split around "HXL" (a link), followed by the two templates' file names.
import-templates-before = Comece pelos modelos, com a sua linha
import-templates-after = :
import-files-legend = Os ficheiros
import-actors-label = Atores (CSV)
import-ties-label = Laços (CSV)
import-document-label = …ou, em vez disso, um único ficheiro da rede inteira (JSON, GraphML, GEXF, node-link JSON, zip CSV)
# Split around two commands: relaymap import --graph FILE --mapping mapping.json, PUT /api/v1/mappings/NAME.
import-no-mapping-before = Uma exportação do Network Canvas é lida através do mapeamento do seu estudo. Ainda não há nenhum mapeamento guardado: guarde um com
import-no-mapping-or = ou
import-no-mapping-after = (graph-schema/README.md, «Network Canvas»).
import-mapping-label = Uma exportação do Network Canvas (o seu GraphML ou zip) é lida através do mapeamento do seu estudo
import-mapping-none = Não é uma exportação do Network Canvas
import-check-button = Verificar os ficheiros
import-progress-label = Envio
import-confirm-button = Importar agora
import-errors-label = O que a importação encontrou de errado
import-errors-caption = Linhas a corrigir: nada foi gravado
import-col-file = Ficheiro
import-col-line = Linha
import-col-field = Campo
import-col-problem = Problema

# The import page's script. The problems it lists, and its notes, are the API's (in English).
js-import-not-both = Escolha ficheiros CSV ou um único ficheiro da rede inteira, não ambos: esse ficheiro contém sozinho toda a rede. Retire um deles.
js-import-mapping-needs-file = Um mapeamento lê um único ficheiro, uma exportação do Network Canvas: escolha-o como o ficheiro único da rede inteira.
js-import-checking-sent = A verificar: { $percent } % enviado
js-import-importing-sent = A importar: { $percent } % enviado
js-import-checking-rows = A verificar: cada linha…
js-import-importing-rows = A importar: cada linha…
js-import-server-answered = o servidor respondeu { $status }
js-import-upload-failed = o envio falhou
# What an import writes: "{ $created } and { $updated }" of actors, then of ties.
js-import-new-and-updated = { $created } e { $updated }
js-import-new-actors-one = { $count } ator novo
js-import-new-actors-other = { $count } atores novos
js-import-updated-actors-one = { $count } ator atualizado
js-import-updated-actors-other = { $count } atores atualizados
js-import-new-ties-one = { $count } laço novo
js-import-new-ties-other = { $count } laços novos
js-import-updated-ties-one = { $count } laço atualizado
js-import-updated-ties-other = { $count } laços atualizados
js-import-unchanged-one = ({ $count } sem alterações, deixado como está)
js-import-unchanged-other = ({ $count } sem alterações, deixados como estão)
js-import-actors-and-ties = { $actors }, { $ties }
js-import-ready = Pronto: a importação gravaria { $what }. Nada é gravado até confirmar.
js-import-imported = Importado: { $what }.
# Something the server read differently or left out ($note: the API's words).
js-import-note = Nota: { $note }.
js-import-nothing-checked = Nada foi verificado: { $reason }
js-import-choose-file = Escolha primeiro um ficheiro.
js-import-check-failed = Não foi possível fazer a verificação: { $reason }
js-import-import-failed = Não foi possível fazer a importação: { $reason }

## The administration pages: tokens, a token issued, the audit trail
## (templates/pages/admin.html, token-issued.html, audit.html, src/http/pages/admin.rs)

admin-title = Administração
admin-heading = Tokens e registo de auditoria
# Split around the link to the audit trail.
admin-intro = Cada pessoa que usa o relaymap tem um token: é ele que decide o que pode ver.
admin-intro-link = O registo de auditoria
admin-intro-after = guarda cada chamada que toca em dados de pessoas, e cada recusa.
admin-tokens-heading = Tokens de acesso
admin-col-whose = De quem
admin-col-role = Função
admin-col-made = Criado
admin-col-expires = Expira
admin-col-state = Estado
admin-revoke = Revogar
# A revoke link, to screen readers; $label: whose token it is.
admin-revoke-label = Revogar o token de { $label }
admin-this-session = esta sessão
admin-state-active = Ativo
admin-state-expired = Expirado
admin-state-revoked = Revogado
# A token without an end.
admin-never = nunca
admin-done-revoked = Revogado: o token e as suas sessões deixaram de funcionar.
admin-issue-heading = Emitir um token
admin-not-issued = Nenhum token foi emitido
admin-error-prefix = Erro:
admin-label-label = De quem é o token
admin-label-hint = Uma equipa ou uma pessoa, tal como o registo de auditoria a deve nomear. Nenhum dado pessoal sobre as pessoas da rede.
admin-error-label = Diga de quem é o token, por exemplo «ONG do porto, equipa de terreno».
admin-role-legend = O que permite fazer
# The roles by name, and what each may do ("viewer: counts only").
admin-role-admin = administrador
admin-role-coordinator = coordenador
admin-role-analyst = analista
admin-role-viewer = leitor
admin-role-interviewer = entrevistador
admin-role-separator = {": "}
admin-role-admin-may = tudo, incluindo os tokens e o registo de auditoria
admin-role-coordinator-may = a própria rede: nomes, mapas, cenários, importações
admin-role-analyst-may = dados de investigação pseudonimizados e métricas
admin-role-viewer-may = só contagens
admin-role-interviewer-may = só entrevistas no terreno: a página de entrevistas e a lista de pessoas por nome
admin-error-role = Escolha o que o token permite fazer.
admin-days-label = Expira após (dias)
admin-days-hint = Vazio: nunca expira. O token de uma equipa de terreno deve, de preferência, durar pouco.
admin-error-days = Indique um número inteiro de dias de 1 a 3650, ou deixe vazio.
admin-issue-button = Emitir o token

# Asking before a token is revoked; $label: whose token it is, $role: its role's name.
admin-revoke-title = Revogar o token «{ $label }»?
admin-revoke-warning = Quem tiver este token de { $role } perde o acesso de imediato, e todas as sessões iniciadas com ele terminam. Não pode ser desfeito: emita um novo token se voltar a precisar de acesso.
admin-revoke-button = Revogar o token

admin-issued-title = Token emitido
# Around whose token it is (in bold); $role: its role's name, $expires: when it expires.
admin-issued-before = Um token de { $role } para
admin-issued-after = , que expira em { $expires }. Entregue este segredo em mão ou por um canal cifrado:
admin-issued-after-never = , sem data de expiração. Entregue este segredo em mão ou por um canal cifrado:
admin-warning-prefix = Aviso:
admin-issued-warning = Só é mostrado agora: o relaymap guarda apenas o seu hash. Copie-o antes de sair desta página.
admin-back-to-tokens = Voltar aos tokens

admin-audit-title = Registo de auditoria
admin-audit-newest = { $count ->
    [1] A entrada mais recente.
   *[other] As { $count } entradas mais recentes.
}
admin-audit-older-intro = Entradas mais antigas.
# Around the two words the trail keeps instead of names: withheld, erased.
admin-audit-kept-before = As pesquisas ficam registadas como
admin-audit-kept-between = , as pessoas apagadas como
admin-audit-kept-after = : o registo nunca as nomeia.
admin-audit-entries = Entradas de auditoria
admin-col-when = Quando
admin-col-who = Quem
admin-col-call = Chamada
admin-col-about = Sobre
admin-col-outcome = Resultado
admin-col-records = Registos
admin-audit-older = Entradas mais antigas
