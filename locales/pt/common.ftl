# Shared by every page: the header, the language switch, the navigation.

# This locale's name for itself, in the language switch.
locale-name = Português

count-actors = { $count ->
    [one] { $count } ator
   *[other] { $count } atores
}

skip-to-content = Ir para o conteúdo principal
site-tagline = como a ajuda circula numa comunidade
language-switch-label = Idioma das páginas
language-switch-button = Mudar

## Error pages

error-forbidden-title = Não pode abrir esta página
error-forbidden-text = O seu token não dá acesso a ela (ou o formulário era antigo demais: volte, recarregue a página e tente de novo). As páginas que pode usar estão no painel; peça mais ao seu administrador se precisar.
error-not-found-title = Página não encontrada
error-not-found-text = Esta página não existe, ou o que ela mostrava foi apagado. Se digitou o endereço, verifique-o.
error-method-title = Esta página não pode fazer isso
error-method-text = Volte e use os botões e ligações da própria página.
error-too-large-title = Foi demais de uma vez
error-too-large-text = O que foi enviado é maior do que o relaymap aceita de uma vez. Envie em partes menores.
error-too-many-title = Pedidos demais
error-too-many-text = Foi pedido demais com o seu token ao mesmo tempo. Espere um momento e tente de novo.
error-server-title = Desculpe, algo correu mal
error-server-text = O relaymap não conseguiu responder. Nada foi alterado. Tente de novo daqui a pouco; se voltar a acontecer, diga ao seu administrador a hora em que aconteceu.
error-bad-request-title = Isso não funcionou
error-bad-request-text = O pedido não pôde ser lido. Volte, verifique o que foi escrito e tente de novo.
error-go-dashboard = Ir para o painel
error-sign-in-again = Entrar com outro token
