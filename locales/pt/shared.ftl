# O que todas as páginas partilham depois de entrar (a barra de navegação, quem entrou), o
# painel, a vista da rede e os intermediários; e os scripts dos mapas e da vista da rede
# (mensagens js-).

## The navigation bar

nav-label = Páginas
nav-dashboard = Painel
nav-actors = Atores
nav-map = Mapa
nav-scenario = Cenário
nav-activations = Ativações
nav-intermediaries = Intermediários
nav-network = Rede
nav-import = Importar
nav-interview = Entrevista
nav-research = Investigação
nav-admin = Administração
nav-search-label = Encontrar um ator
nav-search-field = Encontrar um ator pelo nome
nav-search-placeholder = Procurar pelo nome
nav-search-button = Procurar

## Who is signed in: the token's label, then its role

nav-role = ({ $role })
nav-role-admin = administrador
nav-role-coordinator = coordenador
nav-role-analyst = analista
nav-role-viewer = leitor
nav-role-interviewer = entrevistador
nav-sign-out = Terminar sessão

## The dashboard

dashboard-heading = A rede num relance
dashboard-reachable-before = {""}
dashboard-reachable-after = {" "}dos migrantes podem ser alcançados pelos socorristas ({ $reached } de { $migrants }: em 3 laços no máximo, por laços cujas pontas partilham uma língua, por qualquer canal).
dashboard-share = { $percent } %
dashboard-isolated-before = {""}
dashboard-isolated-after = {" "}{ $count ->
    [one] migrante não tem nenhum laço que lhe possa fazer chegar uma mensagem.
   *[other] migrantes não têm nenhum laço que lhes possa fazer chegar uma mensagem.
}
dashboard-withheld = As contagens de menos de { $threshold } pessoas não são mostradas («–»), nem nenhuma contagem que as deixasse deduzir: { $count ->
    [one] { $count } célula ocultada.
   *[other] { $count } células ocultadas.
}
dashboard-count = Contagem
dashboard-as-bar = Em barra
dashboard-kinds-caption = Atores por tipo
dashboard-kinds-heading = Tipo
dashboard-cities-caption = Migrantes por cidade
dashboard-cities-heading = Cidade
dashboard-languages-caption = Migrantes por primeira língua
dashboard-languages-heading = Língua
dashboard-no-city = Sem cidade
dashboard-imports-label = As últimas importações
dashboard-imports-caption = Últimas importações (as verificações sem escrita não são listadas)
dashboard-imports-when = Quando
dashboard-imports-by = Por
dashboard-imports-outcome = Resultado
dashboard-imports-records = Registos
dashboard-work-heading = Trabalhar com a rede
dashboard-work-find-actor = Encontrar um ator
dashboard-work-or-add = {" "}ou{" "}
dashboard-work-add-actor = acrescentar um
dashboard-work-scenario = Executar um cenário de crise
dashboard-work-scenario-on = {" "}no{" "}
dashboard-work-scenario-map = mapa
dashboard-work-scenario-after = {""}
dashboard-work-intermediaries = Encontrar intermediários de confiança
dashboard-work-intermediaries-after = {" "}para uma comunidade ou uma língua
dashboard-work-import = Importar
dashboard-work-import-or = {" "}uma rede, ou{" "}
dashboard-work-export = exportar a rede inteira
dashboard-work-export-after = {" "}(JSON)
dashboard-work-research = Métricas da rede e exportações pseudonimizadas
dashboard-work-json = Estas contagens em JSON

## The network view

view-title = Vista da rede
view-intro-before = Quem está ligado a quem, desenhado de modo que os grupos coesos fiquem juntos. As comunidades são detetadas na rede inteira (Louvain), por isso uma cor indica a mesma comunidade seja qual for a parte mostrada. As cidades e os seus laços{" "}
view-intro-located-in = situado em
view-intro-after = {" "}ficam de fora: aproximariam toda a gente.
view-city = Cidade
view-whole-network = a rede inteira
view-community-number = Número da comunidade
view-community-all = todas
view-colour-by = Colorir por
view-colour-community = Comunidade
view-colour-kind = Tipo
view-show = Mostrar
view-laying-out = A dispor a rede…
view-graph-label = Vista da rede: atores como pontos, laços como linhas; a linha de estado acima dá as contagens
view-actor = Ator
view-click-a-dot = Clique num ponto para ver quem é.
view-name = Nome
view-kind = Tipo
view-community = Comunidade
view-ties-shown = Laços mostrados
view-open-card = Abrir a ficha
view-legend = Legenda
view-legend-hint = Escolha uma comunidade para a desenhar sozinha.

## The intermediaries

intermediaries-heading = Intermediários de confiança
intermediaries-intro-before = Organizações e pessoas através das quais os socorristas alcançam os migrantes: cada uma{" "}
intermediaries-intro-bridges = liga
intermediaries-intro-after = {" "}pelo menos um migrante cujo caminho mais fiável a partir de um socorrista passa por ela (em 3 laços no máximo, por laços cujas pontas partilham uma língua). Para saber que laços, sozinhos, mantêm migrantes ao alcance:{" "}
intermediaries-intro-reverify = volte a verificar primeiro
intermediaries-intro-end = .
intermediaries-columns-summary = O que significam as outras colunas
intermediaries-trust-text = A confiança média (de 0 a 1) dos seus laços que podem transmitir uma mensagem.
intermediaries-betweenness-text = Com que frequência estão nos caminhos mais curtos entre outros.
intermediaries-betweenness-sampled = Com que frequência estão nos caminhos mais curtos entre outros (estimada a partir de { $count ->
    [one] { $count } ponto de partida
   *[other] { $count } pontos de partida
}).
intermediaries-brokerage = Tamanho efetivo e restrição
intermediaries-brokerage-text = As medidas de intermediação de Burt: um intermediário tem um tamanho efetivo grande e uma restrição baixa.
intermediaries-filter-label = Filtrar os intermediários
intermediaries-language = Língua que falam
intermediaries-city = Cidade
intermediaries-any-city = qualquer
intermediaries-filter = Filtrar
intermediaries-nothing-looked-up = Nada foi procurado
intermediaries-unknown-language = Nenhuma língua se chama «{ $typed }»: indique o nome, por exemplo { $example }, ou o código, por exemplo ara.
intermediaries-none = Nenhum intermediário corresponde.
intermediaries-showing = A mostrar { $first } a { $last } de { $total } intermediários.
intermediaries-count = { $count ->
    [one] { $count } intermediário.
   *[other] { $count } intermediários.
}
intermediaries-col-name = Nome
intermediaries-col-bridged = Liga
intermediaries-col-trust = Confiança média
intermediaries-col-betweenness = Intermediação
intermediaries-col-effective-size = Tamanho efetivo
intermediaries-col-constraint = Restrição
intermediaries-col-city = Cidade
intermediaries-col-kind = Tipo
intermediaries-col-languages = Línguas
intermediaries-col-channels = Contactar por
intermediaries-pages = Páginas de intermediários
intermediaries-previous = Página anterior
intermediaries-next = Página seguinte

## Scripts: words (static/js/words.js)

js-words-list-separator = {", "}
js-words-channel-in-person = Presencial
js-words-channel-phone = Telefone
js-words-channel-sms = SMS
js-words-channel-whatsapp = WhatsApp
js-words-channel-radio = Rádio
js-words-channel-social-media = Redes sociais
js-words-channel-email = E-mail
js-words-kind-migrant = Migrante
js-words-kind-organisation = Organização
js-words-kind-responder = Socorrista
js-words-kind-city = Cidade

## Scripts: the maps (static/js/network-map.js)

js-map-open-card = Abrir a ficha
js-map-legend = Legenda: { $title }
js-map-marker = { $kind }: { $name }
js-map-library-missing = Falta a biblioteca de mapas: compile o relaymap com o Node.js (npm) instalado.
js-map-answered = { $path } respondeu { $status }
js-map-status-zero = { $shown } de { $total } atores no mapa (os outros não têm localização).
js-map-status-one = { $shown } de { $total } atores no mapa (os outros não têm localização).
js-map-status-two = { $shown } de { $total } atores no mapa (os outros não têm localização).
js-map-status-few = { $shown } de { $total } atores no mapa (os outros não têm localização).
js-map-status-many = { $shown } de { $total } atores no mapa (os outros não têm localização).
js-map-status-other = { $shown } de { $total } atores no mapa (os outros não têm localização).

## Scripts: the network view (static/js/network.js)

js-view-kind-dot = { $kind } (ponto)
js-view-kind-diamond = { $kind } (losango)
js-view-community = Comunidade { $community }
js-view-community-described-zero = Comunidade { $community }: { $what } ({ $count } mostrados)
js-view-community-described-one = Comunidade { $community }: { $what } ({ $count } mostrado)
js-view-community-described-two = Comunidade { $community }: { $what } ({ $count } mostrados)
js-view-community-described-few = Comunidade { $community }: { $what } ({ $count } mostrados)
js-view-community-described-many = Comunidade { $community }: { $what } ({ $count } mostrados)
js-view-community-described-other = Comunidade { $community }: { $what } ({ $count } mostrados)
js-view-smaller-communities = comunidades mais pequenas
js-view-library-missing = Falta a biblioteca de grafos: compile o relaymap com o Node.js (npm) instalado.
js-view-not-drawn = Não desenhado: { $reason }
js-view-load-failed = Não foi possível carregar a vista: { $reason }
js-view-status = { $actors } e { $ties } mostrados; { $communities } na rede inteira (desenhado com { $renderer } em { $seconds } s).
js-view-status-actors-zero = { $count } atores
js-view-status-actors-one = { $count } ator
js-view-status-actors-two = { $count } atores
js-view-status-actors-few = { $count } atores
js-view-status-actors-many = { $count } atores
js-view-status-actors-other = { $count } atores
js-view-status-ties-zero = { $count } laços
js-view-status-ties-one = { $count } laço
js-view-status-ties-two = { $count } laços
js-view-status-ties-few = { $count } laços
js-view-status-ties-many = { $count } laços
js-view-status-ties-other = { $count } laços
js-view-status-communities-zero = { $count } comunidades
js-view-status-communities-one = { $count } comunidade
js-view-status-communities-two = { $count } comunidades
js-view-status-communities-few = { $count } comunidades
js-view-status-communities-many = { $count } comunidades
js-view-status-communities-other = { $count } comunidades
js-view-renderer-webgl = WebGL
js-view-renderer-canvas = canvas
