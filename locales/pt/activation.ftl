# Gerir uma crise: as ativações, o quadro em direto de uma ativação, a folha de chamadas
# impressa de um retransmissor, o relatório pós-ação.

## Shared words

activation-list-title = Ativações
activation-drill = Simulacro
activation-live = Real
activation-state-open = Aberta
activation-state-closed = Encerrada
activation-error-prefix = Erro:
activation-none-yet = Nenhuma por agora.
activation-nobody = ninguém
activation-call-sheet = Folha de chamadas
activation-col-name = Nome
activation-col-kind = Tipo
activation-col-state = Estado
activation-col-scenario = Cenário
activation-col-started = Início
activation-col-contacts = Contactos
activation-col-languages = Línguas
activation-col-language = Língua
activation-col-reach-by = Como contactá-los
activation-col-adds = Acrescenta
activation-col-so-far = Até agora
activation-col-record = Registar
activation-col-migrants = Migrantes
activation-col-when = Quando
activation-col-who = Quem
activation-col-outcome = Resultado
activation-col-by = Por
activation-col-note = Nota
activation-col-after = Após o início
activation-col-done = Feito


activation-outcome-reached = Alcançado: tem a mensagem
activation-outcome-confirmed = Receção confirmada
activation-outcome-no-answer = Sem resposta
activation-outcome-unavailable = Indisponível
activation-not-called-yet = Ainda não contactado

## The list of activations

activation-list-intro-before = Gira uma crise, ou um simulacro, a partir de um cenário guardado: a lista de chamadas indica quem chamar primeiro; o resultado de cada contacto é registado com um clique, e a lista passa aos melhores retransmissores seguintes quando não se consegue alcançar alguém. Antes de um evento,
activation-list-intro-link = volte a verificar primeiro
activation-list-intro-after = os laços que, sozinhos, permitem alcançar migrantes.
activation-live-open = Ativações reais abertas
activation-live-relays-reached = Retransmissores alcançados (real)
activation-live-migrants-confirmed = Migrantes que confirmaram (real)
activation-drills-open = Simulacros abertos
activation-start-heading = Iniciar uma ativação
activation-no-scenarios-before = Ainda não há nenhum cenário guardado:
activation-no-scenarios-link = prepare um na página do cenário de crise
activation-no-scenarios-after = e guarde-o.
activation-name-label = Nome
activation-name-placeholder = Cheia do porto, 3 de dezembro
activation-scenario-label = Cenário guardado
activation-drill-choice = Um simulacro (assinalado como simulacro em todo o lado, nunca contado com os números reais)
activation-start-button = Iniciar
activation-all-heading = Todas as ativações

## An activation's board

activation-title-drill = Simulacro: { $name }
activation-started-by = Iniciada às { $time } por { $who }.
activation-started-by-scenario = Iniciada às { $time } por { $who }, a partir do cenário «{ $scenario }».
activation-board-open = Aberta.
activation-board-closed = Encerrada às { $time }.
activation-report-link = Relatório pós-ação
activation-map-heading = Onde estão
activation-map-label = Mapa: migrantes que confirmaram, alcançáveis pelo plano e não alcançáveis de momento
activation-contact-heading = Registar um contacto com outra pessoa
activation-contact-actor-label = Quem (nome ou identificador)
activation-contact-actor-hint = Um migrante que confirma a receção, ou um retransmissor que não está na lista. São sugeridos nomes à medida que escreve.
activation-outcome-legend = O que resultou
activation-choice-confirmed = Receção confirmada (um migrante)
activation-choice-reached = Alcançado: tem a mensagem e passa-a
activation-choice-no-answer = Sem resposta (três seguidas: indisponível)
activation-choice-unavailable = Indisponível: não pode retransmitir
activation-note-label = Nota (opcional)
activation-record-button = Registar
activation-end-heading = Terminar
activation-close-drill = Encerrar este simulacro
activation-close-activation = Encerrar esta ativação
activation-error-outcome = Escolha o que resultou da chamada.
activation-error-already-closed = A ativação { $id } já está encerrada.
activation-error-busy = A ativação { $id } está a ser alterada por demasiadas pessoas ao mesmo tempo; tente de novo.

activation-drill-banner = — não é uma emergência real. Os seus números são mantidos à parte dos reais.
activation-progress-relays-reached = Retransmissores alcançados
activation-progress-migrants-confirmed = Migrantes que confirmaram
activation-progress-plan-reaches = Migrantes que o plano alcança
activation-progress-of = { $reached } de { $targets }
activation-progress-unavailable = Indisponíveis
activation-call-list-heading = Lista de chamadas
activation-call-list-replanned = Lista de chamadas, replaneada
activation-call-list-empty = Não resta ninguém para chamar: todos os migrantes alcançáveis estão cobertos, ou não resta nenhum retransmissor.
activation-more-relays = { $count ->
    [one] mais { $count } retransmissor, que acrescenta menos migrantes
   *[other] mais { $count } retransmissores, cada um acrescentando menos migrantes
}
activation-more-relays-label = Mais retransmissores a chamar
activation-kind-inside-area = { $kind }, na zona
activation-button-reached = Alcançado
activation-button-no-answer = Sem resposta
activation-button-unavailable = Indisponível
activation-button-for = { $outcome }: { $name }
activation-unreached-heading = Ainda não alcançados, por primeira língua
activation-replanning-heading = Replaneamento
activation-change-unavailable = { $time }: { $name } indisponível.
activation-change-call-instead = Chamar em vez disso: { $names }.
activation-change-off-list = Fora da lista: { $names }.
activation-contacts-heading = Contactos, os mais recentes primeiro
activation-sentence-separator = {" "}

## A relay's call sheet (printed)

activation-sheet-title = Folha de chamadas: { $name }
activation-sheet-heading = Folha de chamadas de { $name }
activation-sheet-made = { $activation }. Feita às { $time }.
activation-sheet-made-drill = { $activation } — um simulacro, não uma emergência real. Feita às { $time }.
activation-sheet-relay = Retransmissor
activation-sheet-relay-kind = { $name } ({ $kind })
activation-sheet-pass-heading = Passar a mensagem a
activation-sheet-nobody = Ninguém: segundo o plano atual, ninguém é alcançado através deste retransmissor.
activation-sheet-tick = Assinalar quando feito
activation-print-button = Imprimir

## The after-action report

activation-report-title = Relatório: { $name }
activation-report-crumb = Relatório
activation-report-heading = Relatório pós-ação: { $name }
activation-report-summary = Iniciada às { $started }; { $state }. { $attempts }, { $relays }, { $confirmations }; { $changes }.
activation-report-still-open = ainda aberta
activation-report-closed = encerrada às { $time }
activation-report-attempts = { $count ->
    [one] { $count } tentativa de contacto
   *[other] { $count } tentativas de contacto
}
activation-report-relays = { $count ->
    [one] { $count } retransmissor alcançado
   *[other] { $count } retransmissores alcançados
}
activation-report-confirmations = { $count ->
    [one] { $count } confirmação
   *[other] { $count } confirmações
}
activation-report-changes = { $count ->
    [one] o plano mudou { $count } vez
   *[other] o plano mudou { $count } vezes
}
activation-failed-heading = Retransmissores previstos que falharam
activation-report-none = Nenhum.
activation-failed-relay = { $name }, encontrado indisponível após { $after }
activation-by-language-heading = Contactos por língua
activation-report-no-contact = Não foi registado nenhum contacto.
activation-after-minutes = { $minutes } min
activation-after-hours = { $hours } h { $minutes } min

## The ties to re-verify (src/http/pages/activations.rs)

activation-verify-never = nunca

## Scripts: the board kept up to date, and its map

js-activation-up-to-date = Atualizado às { $time }.
js-activation-refresh-failed = Não foi possível atualizar o quadro ({ $status }); a tentar de novo.
js-activation-offline = Sem ligação: o quadro atualiza-se quando a ligação voltar.
js-activation-not-recorded = Não registado: { $reason }.
js-activation-recorded = Registado.
js-activation-no-connection = Não registado: sem ligação. Tente de novo.
js-activation-map-counts = No mapa: confirmados: { $confirmed }, alcançáveis pelo plano: { $reachable }, não alcançáveis de momento: { $unreachable } (dos migrantes com localização).
js-activation-map-read-failed = O mapa não conseguiu ler a ativação ({ $status }).
js-activation-map-load-failed = O mapa não conseguiu carregar: { $error }
js-activation-legend-title = Ativação
js-activation-legend-confirmed = Receção confirmada
js-activation-legend-reachable = Alcançável pelo plano
js-activation-legend-unreachable = Não alcançável de momento (anel vazio)
