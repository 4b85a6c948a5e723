# Shared by every page: the header, the language switch, the navigation.

# This locale's name for itself, in the language switch.
locale-name = 日本語

count-actors = { $count } 件のアクター

skip-to-content = メインコンテンツへ移動
site-tagline = 支援が地域社会をどう伝わるか
language-switch-label = ページの言語
language-switch-button = 変更

## Error pages

error-forbidden-title = このページは開けません
error-forbidden-text = あなたのトークンではこのページにアクセスできません（またはフォームが古すぎました。戻ってページを再読み込みし、もう一度お試しください）。使えるページはダッシュボードにあります。さらに必要な場合は管理者にご相談ください。
error-not-found-title = ページが見つかりません
error-not-found-text = そのようなページはないか、内容が削除されています。アドレスを入力した場合は確認してください。
error-method-title = このページではその操作はできません
error-method-text = 戻って、ページ上のボタンやリンクを使ってください。
error-too-large-title = 一度に送る量が多すぎます
error-too-large-text = 送られた内容が relaymap が一度に受け付ける量を超えています。小さく分けて送ってください。
error-too-many-title = リクエストが多すぎます
error-too-many-text = あなたのトークンで同時に多くの要求がありました。少し待ってから、もう一度お試しください。
error-server-title = 申し訳ありません、問題が発生しました
error-server-text = relaymap が応答できませんでした。何も変更されていません。しばらくしてからもう一度お試しください。再び起きた場合は、発生した時刻を管理者に伝えてください。
error-bad-request-title = うまくいきませんでした
error-bad-request-text = リクエストを読み取れませんでした。戻って入力内容を確認し、もう一度お試しください。
error-go-dashboard = ダッシュボードへ
error-sign-in-again = 別のトークンでサインイン
