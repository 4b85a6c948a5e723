# The sign-in page.

signin-title = サインイン
signin-not-signed-in = サインインしていません
signin-token-label = アクセストークン
signin-token-hint = トークンは管理者から渡されます。トークンによって見られる内容が決まります：件数のみ、仮名化された研究データ、またはネットワークそのもの。
signin-button = サインイン
signin-too-many = ここからのサインイン失敗が多すぎます。{ $seconds } 秒後にもう一度お試しください。
signin-form-too-old = フォームが古すぎるか、このサイトから送信されたものではありません。もう一度サインインしてください。
signin-token-unknown = そのトークンは不明、期限切れ、または取り消されています。
