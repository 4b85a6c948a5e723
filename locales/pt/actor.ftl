# Os atores: a lista (/actors), a ficha de um ator, as páginas de criação e de eliminação, os
# erros dos formulários (as regras do modelo em palavras) e os duplicados a rever
# (/duplicates).

## A lista de atores

actor-list-title = Atores
actor-list-new = Novo ator
actor-list-duplicates-link = Possíveis duplicados
actor-list-find-label = Procurar atores
actor-list-name-label = Nome, ou parte dele
actor-list-any = qualquer
actor-list-language-label = Língua
actor-list-find = Procurar
actor-list-error-heading = Não foi feita nenhuma pesquisa
actor-list-unknown-language = Nenhuma língua se chama «{ $language }».
actor-list-empty = Nenhum ator corresponde.
actor-list-found-label = Atores encontrados
actor-list-caption-page = Atores ({ $count } nesta página)
actor-list-caption-all = Atores ({ $count })
actor-list-caption-more-page = Mais atores ({ $count } nesta página)
actor-list-caption-more-all = Mais atores ({ $count })
actor-list-next = { $count ->
    [one] Ator seguinte
   *[other] { $count } atores seguintes
}
actor-list-done-deleted = Eliminado, com os seus laços.
actor-list-done-erased = Apagado: não resta nenhum vestígio no relaymap.

## Colunas e detalhes (a lista, a ficha, os duplicados)

actor-col-name = Nome
actor-col-kind = Tipo
actor-col-languages = Línguas
actor-col-city = Cidade
actor-col-reach = Como os contactar
# A short column heading in narrow tables.
actor-col-reach-by = Contactar por

## A ficha de um ator

actor-card-location = Localização
actor-card-consent = Consentimento
# The languages, then the first one.
actor-card-languages-first = { $languages } (primeira: { $first })
actor-card-coordinates = { $lat }; { $lon }
actor-card-change = Alterar os dados
actor-card-delete-link = Eliminar ou apagar
actor-card-save = Guardar os dados
actor-card-created = Criado. Acrescente os seus laços abaixo.
actor-card-saved = Guardado.
actor-card-tie-added = Laço acrescentado.
actor-card-tie-removed = Laço retirado.
actor-card-reach-heading = Quem consegue alcançar { $name }
actor-card-reach-none = Nenhum socorrista o alcança em { $hops ->
    [one] { $hops } laço
   *[other] { $hops } laços
} ou menos, por laços cujas duas pontas partilham uma língua.
# One sentence in five parts: the second and the fourth are in bold.
actor-card-reach-hint-start = Para cada socorrista, o
actor-card-reach-hint-fewest = menor número de laços
actor-card-reach-hint-middle = até { $name }, e o seu
actor-card-reach-hint-reliable = caminho mais fiável
actor-card-reach-hint-end = (o maior produto da confiança ao longo do caminho, em { $hops ->
    [one] { $hops } laço
   *[other] { $hops } laços
} ou menos), que pode ser mais longo.
actor-card-col-responder = Socorrista
actor-card-col-fewest = Mínimo de laços
actor-card-col-reliability = Fiabilidade
actor-card-col-path = Caminho mais fiável
actor-card-path-ties = { $count ->
    [one] { $count } laço:
   *[other] { $count } laços:
}
# Between the actors of a path, in reading order.
actor-card-path-arrow = →
actor-card-ties-heading = Laços ({ $count })
# One sentence around three numbers in bold: "Social capital: 2 bonding, 0 bridging and 1 linking ties."
actor-card-profile-start = Laços por tipo de capital social:
actor-card-profile-bonding = de vínculo,
actor-card-profile-bridging = de ponte e
actor-card-profile-linking = de ligação.
actor-card-no-ties = Ainda não há laços.
actor-card-col-with = Com
actor-card-col-trust = Confiança
actor-card-col-channels = Canais
actor-card-col-verified = Verificado
actor-card-col-capital = Capital social
actor-card-remove = Retirar
actor-card-remove-label = Retirar o laço com { $name }

## Acrescentar e retirar um laço na ficha

actor-tie-add = Acrescentar um laço
actor-tie-not-added = O laço não foi acrescentado
actor-tie-other-label = Com quem
actor-tie-other-hint = O nome (ou o id). São sugeridos nomes enquanto escreve.
actor-tie-kind-label = Que laço é
actor-tie-trust-hint = De 0 (nenhuma) a 1 (total); 0,5 se ficar vazio.
actor-tie-channels-legend = Canais que o laço usa
actor-tie-verified-label = Última verificação
actor-tie-note-label = Nota
actor-tie-note-hint = Apenas o que a célula de crise precisa; nunca a situação legal.
actor-tie-button = Acrescentar o laço
actor-tie-self = Um laço une dois atores diferentes: escolha outra pessoa.
actor-tie-pick-kind = Escolha que laço é.
actor-tie-trust-not-number = A confiança é um número de 0 a 1, por exemplo 0,8.
# $tie: the tie kind in words; $rule: what it may join; $kind: the other actor's kind ("a city").
actor-tie-kind-mismatch = Um laço «{ $tie }» une { $rule }; { $name } é { $kind }.
actor-tie-remove-title = Retirar este laço?
# "Dawit is a member of Eritrean Association. ..."
actor-tie-remove-warning = { $source } { $relation } { $target }. O alcance e a cobertura deixarão de usar este laço. Não é possível anular: para o repor, acrescente-o de novo.
actor-tie-remove-button = Retirar o laço

## Os campos do formulário de um ator (novo ou alterado)

actor-field-languages = Línguas, a língua materna primeiro
# $example: two languages by name, as a list.
actor-field-languages-hint = Nomes ou códigos, separados por vírgulas: { $example }
actor-field-no-city = nenhuma
actor-field-reach-legend = Como pode ser contactado
actor-field-location-hint = (a de um migrante é arredondada a uma grelha de 100 m)
actor-field-latitude = Latitude (°)
actor-field-longitude = Longitude (°)
actor-field-consent-hint = (apenas migrantes: para que aceitaram que os seus dados sejam usados)
actor-field-expires = Expira a
actor-field-expires-hint = (opcional; a partir desse dia conta como não dado)
actor-field-unknown-language = Nenhuma língua se chama «{ $language }»: indique o nome ou o código de três letras.
actor-field-location-invalid = Indique a latitude e a longitude em graus decimais, ou nenhuma das duas.

## Um novo ator

actor-new-who = Quem é
actor-new-create = Criar

## Eliminar ou apagar um ator

actor-delete-title = Eliminar ou apagar { $name }
actor-delete-nothing = Nada foi eliminado
# $kind: "a migrant", "an organisation"...
actor-delete-summary = { $name } é { $kind } com { $ties ->
    [one] { $ties } laço
   *[other] { $ties } laços
}. Em ambos os casos, o ator e os seus laços saem de imediato da rede e de todas as análises.
actor-delete-how = Como
actor-delete-delete = Eliminar
# Follows "Delete" in bold.
actor-delete-delete-text = : retirar o ator e os seus laços. O registo de auditoria guarda que foi eliminado, por quem e quando.
actor-delete-erase = Apagar
# Follows "Erase" in bold.
actor-delete-erase-text = (o direito ao esquecimento): retirar também todos os vestígios do ator — dos cenários guardados, das entradas do registo de auditoria que lhe dizem respeito e do ficheiro da base de dados.
actor-delete-warning = Não é possível anular. As cópias de segurança feitas antes guardam-no até serem eliminadas.
actor-delete-button = Eliminar { $name }
actor-delete-city-members = A cidade { $id } é a cidade de { $count } { $count ->
    [one] ator; mude-o
   *[other] atores; mude-os
} primeiro para outra cidade.

## Formulários: palavras comuns e erros das alterações recusadas

form-cancel = Cancelar
# Read out before a warning by screen readers.
form-warning-prefix = Atenção:
# Read out before an error message by screen readers.
form-error-prefix = Erro:
form-error-summary-heading = Nada foi guardado
form-error-give-other = Indique o nome ou o id do outro ator.
form-error-no-actor-called = Nenhum ator se chama «{ $name }».
# $close: the actors whose name is close, with their ids.
form-error-no-actor-exactly = Nenhum ator se chama exatamente «{ $name }»; queria dizer { $close }?
form-error-several-actors = Vários atores chamam-se «{ $name }»: indique o id daquele a que se refere ({ $listed }).
form-error-not-in-network = { $id } não está na rede.
form-error-self-distinct = Um ator não é distinto de si próprio.
form-error-self-merge = Um ator não pode ser fundido consigo próprio.
# $from_kind, $into_kind: the kinds' codes; $from_a_kind, $into_a_kind: in words ("a migrant").
form-error-different-kinds = { $from } é { $from_a_kind } e { $into }, { $into_a_kind }: só se fundem registos do mesmo tipo.
form-error-city-merge = As cidades não se fundem: mude os seus atores para uma só cidade e depois elimine a outra.
form-error-actor-not-found = Ator { $id } não encontrado.
form-error-tie-not-found = Laço { $id } não encontrado.

# What each tie kind may join.
form-tie-rule-knows = um migrante a um migrante
form-tie-rule-member-of = um migrante a uma organização
form-tie-rule-partners-with = organizações e socorristas entre si
form-tie-rule-serves = uma organização ou um socorrista a um migrante
form-tie-rule-located-in = um migrante, uma organização ou um socorrista a uma cidade

# The model's rules. $value: what was typed.
form-error-invalid-id = Um id tem de 1 a 64 caracteres: letras, algarismos, «-», «_», «.» ou «:».
form-error-unknown-actor-kind = Tipo de ator desconhecido «{ $value }»: esperava-se migrant, organisation, responder ou city.
form-error-unknown-tie-kind = Tipo de laço desconhecido «{ $value }»: esperava-se knows, member_of, partners_with, serves ou located_in.
form-error-empty-name = O nome não pode estar vazio.
form-error-invalid-name = O nome tem no máximo 200 caracteres, sem caracteres de controlo.
form-error-invisible-name = O nome tem de ter pelo menos um carácter visível.
form-error-bidi-name = O nome não pode conter caracteres de controlo bidirecional (U+202A a U+202E, U+2066 a U+2069, U+200E, U+200F, U+061C).
form-error-bidi-note = A nota não pode conter caracteres de controlo bidirecional (U+202A a U+202E, U+2066 a U+2069, U+200E, U+200F, U+061C).
form-error-invalid-language = A língua «{ $value }» não é um código ISO 639-3 (três letras minúsculas, como tir ou ara).
# $code: the language's code; $name: its name.
form-error-duplicate-language = A língua { $name } ({ $code }) aparece duas vezes.
form-error-unknown-channel = Canal desconhecido «{ $value }»: esperava-se in_person, phone, sms, whatsapp, radio, social_media ou email.
form-error-latitude = A latitude é um número de -90 a 90.
form-error-longitude = A longitude é um número de -180 a 180.
form-error-half-location = Uma localização precisa da latitude e da longitude.
form-error-trust = A confiança tem de ser maior do que 0 e no máximo 1.
form-error-unknown-role = Função desconhecida «{ $value }»: esperava-se admin, coordinator, analyst, viewer ou interviewer.
form-error-invalid-label = Uma etiqueta tem de 1 a 100 caracteres, algo visível, sem caracteres de controlo nem de controlo bidirecional.
form-error-not-a-number = «{ $value }» não é um número.
form-error-not-a-boolean = «{ $value }» não é um booleano: use true ou false.
form-error-invalid-date = «{ $value }» não é uma data: use AAAA-MM-DD.
form-error-invalid-timestamp = «{ $value }» não é uma marca temporal RFC 3339.
form-error-attributes-not-object = Os atributos têm de ser um objeto JSON.
form-error-attributes-too-large = Os atributos ocupam no máximo 4096 bytes em JSON.
form-error-note-too-long = Uma nota tem no máximo 2000 caracteres.
form-error-missing = Este campo é obrigatório.
form-error-self-tie = Um laço não pode unir um ator a si próprio.
# $kind, $source, $target: codes; $tie, $a_source, $a_target: in words; $rule: what the kind may join.
form-error-kind-mismatch = Um laço «{ $tie }» não pode ir de { $a_source } para { $a_target }: une { $rule }.
form-error-unknown-actor = O ator { $id } não existe.
form-error-not-a-city = { $id } não é uma cidade.
# $kind: the kind's code; $a_kind: in words.
form-error-kind-change = O ator { $id } é { $a_kind }; o tipo de um ator não pode mudar (elimine-o e crie-o de novo).
form-error-duplicate-id = O id { $id } aparece duas vezes nesta importação (primeiro na linha { $line }).
form-error-already-exists = { $id } já existe.
form-error-does-not-exist = { $id } não existe.
# $kind: the code; $tie: in words; $other: the id of the tie already there.
form-error-twin-tie = { $source } já tem um laço «{ $tie }» com { $target } ({ $other }): atualize esse laço em vez de acrescentar um gémeo.
form-error-unknown-column = Coluna desconhecida «{ $value }».

## Duplicados a rever

duplicates-title = Duplicados
duplicates-heading = Possíveis duplicados
duplicates-intro = Entrevistas e importações feitas por pessoas diferentes podem registar a mesma pessoa duas vezes. Estes pares parecem-se: nomes semelhantes (também escritos em alfabetos diferentes), a mesma cidade ou as mesmas línguas, laços com as mesmas pessoas. Fundir mantém o registo que escolher, passa-lhe todos os laços do outro, acrescenta o que só o outro tinha (línguas, canais, uma localização, uma cidade) e elimina o outro; o consentimento só se mantém se ambos os registos o tinham. Não é possível anular.
duplicates-error-heading = Nada foi alterado
duplicates-empty = Nenhum duplicado provável.
duplicates-pair = { $a } e { $b }
duplicates-alike = (semelhança: { $percent } %)
duplicates-side-by-side = { $a } e { $b }, lado a lado
duplicates-col-record = Registo
duplicates-keep = Manter { $name } ({ $id }) e fundir nele { $other }
duplicates-distinct = São duas pessoas
duplicates-done-merged = Fundidos: resta um só registo, com todos os laços.
duplicates-done-distinct = Marcados como distintos: o par não volta a ser listado.
duplicates-pair-unknown = O par não foi compreendido: recarregue a página.
# The reasons below, joined: "Similar names (0.94), same city."
duplicates-reasons = { $reasons }.
duplicates-reason-names = nomes semelhantes ({ $likeness })
duplicates-reason-city = mesma cidade
duplicates-reason-languages = mesmas línguas
duplicates-reason-language = uma língua em comum
duplicates-reason-ties = { $common } de { $all } { $all ->
    [one] laço
   *[other] laços
} em comum

## Scripts: os nomes sugeridos enquanto se escreve (static/js/suggest.js)

js-suggest-kind-migrant = migrante
js-suggest-kind-organisation = organização
js-suggest-kind-responder = socorrista
js-suggest-kind-city = cidade
