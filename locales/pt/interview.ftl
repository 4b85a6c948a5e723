# A entrevista de campo (templates/pages/interview.html, static/js/interview.js, o service
# worker) e a lista das entrevistas recebidas (templates/pages/interviews.html).
# A interface fala a língua de quem entrevista; as perguntas vêm do protocolo, na língua da
# entrevista.

## A página da entrevista

interview-title = Entrevista
interview-outbox-heading = Entrevistas neste telemóvel
interview-outbox-looking = À procura de entrevistas por enviar…
interview-send-now = Enviar agora
interview-noscript = A entrevista funciona no navegador, para poder ser feita sem ligação: ative o JavaScript.
interview-loading = A carregar as perguntas…
interview-back = Voltar
interview-next = Seguinte
interview-link-received = Entrevistas recebidas
interview-link-duplicates = Possíveis duplicados
interview-offline = Sem ligação, e esta página nunca foi aberta aqui com ligação.

## A lista das entrevistas recebidas

interview-list-title = Entrevistas recebidas
interview-list-breadcrumb-interview = Entrevista
interview-list-intro = As { $count } mais recentes, da mais nova para a mais antiga. Cada uma registou a pessoa entrevistada (com o consentimento que deu), as pessoas que mencionou e um laço por cada resposta; as próprias respostas ficam guardadas com a entrevista{" ("}
interview-list-intro-duplicates = {"). "}As pessoas mencionadas duas vezes por entrevistas diferentes aparecem entre os{" "}
interview-list-intro-duplicates-link = possíveis duplicados
interview-list-intro-end = .
interview-list-empty = Ainda não há entrevistas.
interview-list-held-on = Data
interview-list-person = Pessoa entrevistada
interview-list-language = Língua
interview-list-named = Pessoas mencionadas
interview-list-sent-by = Enviada por

## O script: a entrevista, um ecrã de cada vez

js-interview-title = Entrevista
js-interview-channel-in-person = Pessoalmente
js-interview-channel-phone = Chamada telefónica
js-interview-channel-sms = SMS
js-interview-channel-whatsapp = WhatsApp
js-interview-channel-radio = Rádio
js-interview-channel-social-media = Redes sociais
js-interview-channel-email = E-mail
js-interview-kind-migrant = Uma pessoa
js-interview-kind-organisation = Um grupo ou organização
js-interview-kind-responder = Um serviço ou gabinete
js-interview-list-separator = {", "}

js-interview-outbox-all-sent = Todas as entrevistas foram enviadas.
js-interview-outbox-waiting-one = { $count } entrevista aguarda envio. Fica guardada neste telemóvel e é enviada quando a ligação voltar.
js-interview-outbox-waiting-other = { $count } entrevistas aguardam envio. Ficam guardadas neste telemóvel e são enviadas quando a ligação voltar.
js-interview-outbox-refused = Nada aguarda envio; o servidor recusou o que está listado abaixo.
js-interview-item = { $name } ({ $day }): { $state }
js-interview-item-waiting = a aguardar
js-interview-item-refused = recusada – { $reason }
js-interview-item-sign-in-again = Entre de novo para a enviar.
js-interview-refused-status = O servidor recusou-a ({ $status }).
js-interview-discard = Descartá-la
js-interview-discard-confirm = Descartar esta entrevista? As respostas perdem-se.

js-interview-step = Passo { $step } de { $steps }
js-interview-next = Seguinte
js-interview-send = Enviar a entrevista
js-interview-new-title = Uma nova entrevista
js-interview-language-intro = Escolha a língua em que a vai fazer: as perguntas aparecem nessa língua, com o português por baixo.
js-interview-language-label = Língua da entrevista
js-interview-consent-hint = Leia-lho, ou deixe a pessoa lê-lo. Assinale apenas o que ela aceita: cada ponto por si.
js-interview-consent-legend = A pessoa aceita
js-interview-consent-none = Sem consentimento para pelo menos um uso, nada é registado: termine aqui a entrevista.
js-interview-recorded = Registado em { $day } por { $by }.
js-interview-ego-title = Quem está a ser entrevistado?
js-interview-ego-chosen = Escolhida: { $name }
js-interview-ego-change = Escolher outra pessoa
js-interview-ego-languages = Línguas que fala (primeiro a língua materna)
js-interview-ego-city = Onde vive
js-interview-ego-city-unsaid = Não disse
js-interview-ego-channels = Como a contactar
js-interview-ego-missing = Procure a pessoa no diretório, ou escreva o nome dela para a acrescentar.
js-interview-languages-unreadable = Indique as línguas como aparecem na lista, ou pelo código de três letras, separadas por vírgulas.
js-interview-roster-label = Procurar alguém conhecido
js-interview-roster-hint = Escreva duas ou mais letras do nome.
js-interview-roster-offline = O diretório precisa da ligação: acrescente a pessoa como nova (os duplicados podem ser fundidos mais tarde).
js-interview-roster-nobody = Ninguém conhecido com esse nome: acrescente a pessoa como nova.
js-interview-roster-alike = Pode ser a mesma que { $names }: pergunte qual.
js-interview-new-person = Ou acrescentar alguém novo
js-interview-name = Nome
js-interview-who-they-are = Quem é
js-interview-named-here = Mencionados aqui
js-interview-named-none = Ainda ninguém mencionado
js-interview-named-already = Alguém já mencionado
js-interview-named-is-ego = Essa é a pessoa entrevistada.
js-interview-add = Acrescentar
js-interview-name-first = Escreva primeiro o nome.
js-interview-remove = Retirar
js-interview-about = Sobre { $name }
js-interview-sociogram-too-few = Foram mencionadas menos de duas pessoas: não há ninguém para ligar.
js-interview-sociogram-hint = Toque numa pessoa e depois noutra que a conheça. Opcional.

js-interview-summary-title = Verificar antes de enviar
js-interview-summary-language = Língua
js-interview-summary-consent = Consentimento
js-interview-summary-person = Pessoa entrevistada
js-interview-summary-new = { $name } (nova)
js-interview-summary-named-one = { $count } pessoa mencionada
js-interview-summary-named-other = { $count } pessoas mencionadas
js-interview-summary-answers = { $name }: { $questions }
js-interview-summary-trust = confiança { $trust }/5
js-interview-summary-links-one = { $count } laço entre pessoas mencionadas.
js-interview-summary-links-other = { $count } laços entre pessoas mencionadas.

js-interview-saved = Entrevista guardada
js-interview-done-sending = Guardada neste telemóvel; a enviar agora.
js-interview-done-sent = Enviada: a rede já a tem.
js-interview-done-kept = Guardada neste telemóvel: é enviada assim que a ligação voltar.
js-interview-another = Começar outra entrevista
js-interview-protocol-unavailable = Não foi possível carregar as perguntas: abra esta página uma vez com ligação.
