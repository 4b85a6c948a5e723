# O mapa da rede (/map), o cenário de crise (/scenario) e os laços a reverificar primeiro
# (/verification); os seus scripts: static/js/map.js, scenario.js, cascade.js.
# As mensagens cujo id começa por js- são usadas pelos scripts; os seus valores ({ $name }) são
# preenchidos pelo script; sem seletores (um número escolhe id-one, id-other...).

## O mapa da rede

map-page-title = Mapa
map-title = Mapa da rede
map-show = Mostrar
map-ties = Laços
map-only = Apenas
map-language = Idioma
map-city = Cidade
map-city-any = qualquer
map-ties-over = Laços por
map-any-channel = qualquer canal
map-trust-at-least = Laços com confiança de pelo menos
map-label = Mapa dos atores da rede
map-loading = A carregar a rede…

js-map-legend-title = Atores
js-map-legend-cluster = Vários atores próximos (o seu número)
js-map-legend-tie = Laço (quando assinalado)
js-map-legend-district = Bairro, com o nome
js-map-loading-ties = A carregar os laços…
js-map-ties-too-many-one = { $count } laço à vista é demasiado para ler: aproxime o mapa, restrinja os filtros ou abra um ator para ver os seus laços.
js-map-ties-too-many-other = { $count } laços à vista são demasiados para ler: aproxime o mapa, restrinja os filtros ou abra um ator para ver os seus laços.
js-map-ties-too-many-many = { $count } laços à vista são demasiados para ler: aproxime o mapa, restrinja os filtros ou abra um ator para ver os seus laços.
js-map-ties-drawn-one = { $count } laço desenhado.
js-map-ties-drawn-other = { $count } laços desenhados.
js-map-ties-drawn-many = { $count } laços desenhados.
js-map-ties-hidden-one = Laços desenhados: { $drawn }; aproxime o mapa para ver o outro (as suas pontas estão agrupadas ou fora de vista).
js-map-ties-hidden-other = Laços desenhados: { $drawn }; aproxime o mapa para ver os outros { $count } (as suas pontas estão agrupadas ou fora de vista).
js-map-ties-hidden-many = Laços desenhados: { $drawn }; aproxime o mapa para ver os outros { $count } (as suas pontas estão agrupadas ou fora de vista).
js-map-shown-one = { $count } ator mostrado.
js-map-shown-other = { $count } atores mostrados.
js-map-shown-many = { $count } atores mostrados.
js-map-could-not-load = Não foi possível carregar o mapa: { $error }

## O cenário de crise

scenario-title = Cenário de crise
scenario-intro = Desenhe a zona afetada no mapa ou carregue-a a partir de um ficheiro GeoJSON, escolha o que ainda funciona e execute: quais dos migrantes da zona os socorristas conseguem alcançar, através de quem, e quem fica isolado?
scenario-map-label = Mapa: desenhe a zona afetada
scenario-area = Zona afetada
scenario-draw-start = Desenhar a zona
scenario-draw-undo = Anular o último canto
scenario-draw-finish = Concluir a zona
scenario-draw-cancel = Cancelar o desenho
scenario-area-clear = Limpar a zona
scenario-area-file = …ou carregue-a a partir de um ficheiro GeoJSON
scenario-no-area-yet = Ainda sem zona: todos os migrantes contam.
scenario-channels = Canais que ainda funcionam (nenhum assinalado: todos)
scenario-max-hops = Laços a partir de um socorrista, no máximo
scenario-min-trust = Confiança de cada laço, pelo menos (0–1)
scenario-language-check = As duas pontas de cada laço partilham um idioma
scenario-exclude = Indisponíveis (uma organização ou um socorrista que não pode agir)
scenario-exclude-add = Adicionar
scenario-run = Executar o cenário
scenario-running = A executar o cenário
scenario-saved = Cenários guardados
scenario-saved-pick = Um guardado
scenario-load = Carregar e executar
scenario-delete = Eliminar
scenario-save-as = Guardar este como
scenario-name-placeholder = Cheia no porto
scenario-save = Guardar
scenario-results = Resultados
scenario-download-csv = Descarregar CSV
scenario-download-geojson = Descarregar GeoJSON
scenario-print = Imprimir para a parede
scenario-conditions = Condições
scenario-call-list = Lista de chamadas: a quem os socorristas ligam primeiro
scenario-failures = Pontos únicos de falha: se não puderem agir, outros ficam isolados
scenario-by-language = Isolados, por primeiro idioma
scenario-cut-off = Isolados: alcance-os de outra forma
scenario-col-name = Nome
scenario-col-kind = Tipo
scenario-col-languages = Idiomas
scenario-col-reach-by = Alcançá-los por
scenario-col-adds = Acrescenta
scenario-col-in-area = Na zona
scenario-col-cuts-off = Isola
scenario-col-language = Idioma
scenario-col-migrants = Migrantes
scenario-col-reliability = Fiabilidade
scenario-col-fewest-ties = Menos laços
scenario-col-path = Caminho mais fiável
scenario-cascade = Quanto tempo a mensagem leva a espalhar-se
scenario-cascade-hint = Uma simulação: cada par de atores passa a mensagem com a confiança do seu laço, após o atraso do seu canal mais rápido ainda a funcionar (presencial 2 h, telefone 15 min, SMS 30 min, WhatsApp 15 min, rádio e redes sociais 1 h, email 4 h). 1000 execuções; a faixa contém nove execuções em dez.
scenario-simulate = Simular a cascata
scenario-cascade-caption = Migrantes alcançados a cada hora: a linha é a média das execuções, a faixa vai do percentil 5 ao 95.
scenario-col-by-hour = À hora
scenario-col-mean = Alcançados, média
scenario-col-p5 = Percentil 5
scenario-col-p95 = Percentil 95
scenario-reached = Alcançados, caminho mais fraco primeiro
scenario-reached-hint = Vá até um nome (tabulação, ou toque-lhe) para ver o caminho no mapa.

js-scenario-headline-one = Migrantes alcançados: { $reached } de { $targets } ({ $coverage }); isolados: { $unreached }.
js-scenario-headline-other = Migrantes alcançados: { $reached } de { $targets } ({ $coverage }); isolados: { $unreached }.
js-scenario-headline-many = Migrantes alcançados: { $reached } de { $targets } ({ $coverage }); isolados: { $unreached }.
js-scenario-percent = { $value } %
js-scenario-printed = relaymap · cenário de crise, impresso em { $when }
js-scenario-list-separator = {", "}
js-scenario-path-separator = {" → "}
js-scenario-legend-title = Cenário
js-scenario-legend-responder = Socorrista
js-scenario-legend-organisation = Organização
js-scenario-legend-reached = Alcançado: caminho fraco (escuro) a fiável (amarelo)
js-scenario-legend-cut-off = Isolado (anel vazio)
js-scenario-legend-outside = Fora da zona, ou ainda não executado
js-scenario-legend-area = Zona afetada
js-scenario-legend-path = Caminho de retransmissão (toque num migrante alcançado)
js-scenario-no-area-yet = Ainda sem zona: todos os migrantes contam.
js-scenario-no-area = Sem zona: todos os migrantes contam.
js-scenario-area-set = Zona definida ({ $how }): só contam os migrantes dentro dela.
js-scenario-area-drawn-one = desenhada, { $count } canto
js-scenario-area-drawn-other = desenhada, { $count } cantos
js-scenario-area-drawn-many = desenhada, { $count } cantos
js-scenario-area-from-file = a partir do ficheiro { $file }
js-scenario-area-saved-with = guardada com «{ $name }»
js-scenario-corners-more-one = { $count } canto: clique no mapa em cada canto da zona afetada.
js-scenario-corners-more-other = { $count } cantos: clique no mapa em cada canto da zona afetada.
js-scenario-corners-more-many = { $count } cantos: clique no mapa em cada canto da zona afetada.
js-scenario-corners-finish-one = { $count } canto: clique em Concluir quando a zona estiver fechada.
js-scenario-corners-finish-other = { $count } cantos: clique em Concluir quando a zona estiver fechada.
js-scenario-corners-finish-many = { $count } cantos: clique em Concluir quando a zona estiver fechada.
js-scenario-cancelled-kept = Desenho cancelado; a zona fica como estava.
js-scenario-cancelled-none = Desenho cancelado: sem zona, todos os migrantes contam.
js-scenario-not-geojson = Esse ficheiro não é GeoJSON: { $error }
js-scenario-more-one = Mais { $count } no CSV e na folha impressa.
js-scenario-more-other = Mais { $count } no CSV e na folha impressa.
js-scenario-more-many = Mais { $count } no CSV e na folha impressa.
js-scenario-path-one = Caminho até { $name }: { $path } (fiabilidade { $reliability }, { $count } laço).
js-scenario-path-other = Caminho até { $name }: { $path } (fiabilidade { $reliability }, { $count } laços).
js-scenario-path-many = Caminho até { $name }: { $path } (fiabilidade { $reliability }, { $count } laços).
js-scenario-cond-run-at = Executado em
js-scenario-cond-area = Zona afetada
js-scenario-cond-area-drawn = desenhada no mapa
js-scenario-cond-area-none = nenhuma: toda a rede
js-scenario-cond-channels = Canais que ainda funcionam
js-scenario-cond-all-channels = todos os canais
js-scenario-cond-hops = Laços a partir de um socorrista
js-scenario-cond-at-most = no máximo { $count }
js-scenario-cond-trust = Confiança de cada laço
js-scenario-cond-at-least = pelo menos { $value }
js-scenario-cond-language = Idioma partilhado
js-scenario-cond-language-shared = as duas pontas de cada laço partilham um idioma
js-scenario-cond-language-not-required = não exigido
js-scenario-cond-unavailable = Indisponíveis
js-scenario-cond-nobody = ninguém
js-scenario-yes = sim
js-scenario-no = não
js-scenario-remove = Retirar
js-scenario-remove-label = Retirar { $name } dos indisponíveis
js-scenario-several-called = Vários atores chamam-se «{ $name }»: escreva o id daquele que pretende.
js-scenario-none-called = Nenhum ator se chama «{ $name }».
js-scenario-csv-failed = Não foi possível gerar o CSV: { $status }
js-scenario-saved-option = { $name } ({ $by }, { $date })
js-scenario-name-first = Dê primeiro um nome ao cenário.
js-scenario-saved-as = Guardado como «{ $name }».
js-scenario-not-saved = Não guardado: { $error }
js-scenario-choose-first = Escolha primeiro um cenário guardado.
js-scenario-delete-confirm = Eliminar o cenário guardado «{ $name }»? Não é possível anular.
js-scenario-deleted = «{ $name }» eliminado.
js-scenario-not-deleted = Não eliminado: { $status }
js-scenario-running = A executar…
js-scenario-running-for = A executar… { $seconds } s
js-scenario-refused = Recusado: { $error }
js-scenario-done = Concluído em { $seconds } s. Toque num migrante alcançado, ou percorra a lista de alcançados abaixo, para ver o caminho de retransmissão.
js-scenario-could-not-run = Não foi possível executar o cenário: { $error }

## A simulação da cascata (página do cenário)

js-cascade-hours = { $hours } h
js-cascade-run-first = Execute primeiro o cenário.
js-cascade-simulating = A simular { $runs } execuções…
js-cascade-result-one = Após { $hours } h, migrantes alcançados em média: { $mean } de { $targets } (de { $low } a { $high } em nove execuções em dez); { $never } % não são alcançados em nenhuma execução.
js-cascade-result-other = Após { $hours } h, migrantes alcançados em média: { $mean } de { $targets } (de { $low } a { $high } em nove execuções em dez); { $never } % não são alcançados em nenhuma execução.
js-cascade-result-many = Após { $hours } h, migrantes alcançados em média: { $mean } de { $targets } (de { $low } a { $high } em nove execuções em dez); { $never } % não são alcançados em nenhuma execução.
js-cascade-could-not-run = Não foi possível executar a simulação: { $error }

## Reverificar primeiro (/verification)

verification-title = Reverificar primeiro
verification-intro = Os laços que, se falhassem, deixariam sozinhos migrantes fora do alcance dos socorristas (a três laços no máximo, por laços cujas pontas partilham um idioma): verifique-os primeiro, os nunca verificados ou verificados há mais tempo antes dos outros.
verification-empty = Nenhum laço segura sozinho ninguém: cada migrante alcançado tem outra via.
verification-caption-first = Os primeiros { $shown } de { $total } laços
verification-caption-all = { $count ->
    [one] { $count } laço
   *[other] { $count } laços
}
verification-col-between = Entre
verification-col-and = e
verification-col-cut-off = Isolaria
verification-col-last-verified = Última verificação
