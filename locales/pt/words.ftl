# Words every page shares (src/http/pages/words.rs, static/js/words.js): kinds, channels,
# relations, outcomes, consent.

# Between the items of a list, and between the clauses of a sentence.
words-list-separator = {", "}
words-clause-separator = {"; "}
# Between the last two choices of a short list ("an organisation or a responder").
words-or = {" ou "}

channel-in-person = Presencial
channel-phone = Telefone
channel-sms = SMS
channel-whatsapp = WhatsApp
channel-radio = Rádio
channel-social-media = Redes sociais
channel-email = E-mail

kind-migrant = Migrante
kind-organisation = Organização
kind-responder = Socorrista
kind-city = Cidade
kind-a-migrant = um migrante
kind-an-organisation = uma organização
kind-a-responder = um socorrista
kind-a-city = uma cidade

tie-kind-knows = conhece
tie-kind-member-of = membro de
tie-kind-partners-with = parceiro de
tie-kind-serves = serve
tie-kind-located-in = situado em

relation-knows = conhece
relation-member-of = é membro de
relation-has-member = tem como membro
relation-partners-with = é parceiro de
relation-serves = serve
relation-served-by = é servido por
relation-located-in = está situado em
relation-city-of = é a cidade de
# A tie kind offered on an actor's card: the relation and the kinds of actor it may join.
tie-choice = { $relation } ({ $kinds })

capital-bonding = de vínculo
capital-bridging = de ponte
capital-linking = de ligação

outcome-ok = Feito
outcome-forbidden = Recusado: não permitido
outcome-unauthenticated = Recusado: sem sessão iniciada
outcome-csrf = Recusado: o formulário era antigo demais
outcome-failed = Recusado: token desconhecido
outcome-too-many-failures = Recusado: demasiadas entradas falhadas
outcome-refused = Recusado: nada foi gravado
outcome-conflict = Recusado: entra em conflito com o que está gravado
outcome-too-large = Recusado: grande demais
outcome-too-many = Recusado: demasiados pedidos de uma vez
outcome-server-error = Falhou: nada foi gravado

purpose-warnings = Avisos de emergência e ajuda
purpose-partners = Partilha com organizações parceiras
purpose-research = Investigação anonimizada

consent-none = Não dado: visível só para os coordenadores, nunca exportado.
consent-given = Dado para: { $purposes }
consent-expired = Expirado (conta como nenhum) – foi dado para: { $purposes }
consent-recorded = registado em { $day }
consent-recorded-by = registado em { $day } por { $by }
consent-until = até { $day }
# The whole sentence: the clauses above, joined.
consent-sentence = { $parts }.
