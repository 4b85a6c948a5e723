# 現地での聞き取り (templates/pages/interview.html、static/js/interview.js、service worker) と
# 受信した聞き取りの一覧 (templates/pages/interviews.html)。
# 画面は聞き取りを行う人の言語で、質問はプロトコルから聞き取りの言語で表示されます。

## 聞き取りのページ

interview-title = 聞き取り
interview-outbox-heading = この端末の聞き取り
interview-outbox-looking = 送信待ちの聞き取りを確認しています…
interview-send-now = 今すぐ送信
interview-noscript = 聞き取りは接続なしでも使えるようにブラウザー内で動きます。JavaScript を有効にしてください。
interview-loading = 質問を読み込んでいます…
interview-back = 戻る
interview-next = 次へ
interview-link-received = 受信した聞き取り
interview-link-duplicates = 重複の可能性
interview-offline = オフラインです。このページは接続のある状態でここで開かれたことがありません。

## 受信した聞き取りの一覧

interview-list-title = 受信した聞き取り
interview-list-breadcrumb-interview = 聞き取り
interview-list-intro = 最新の { $count } 件を新しい順に表示します。各聞き取りでは、聞き取りの相手（本人が与えた同意とともに）、その人が挙げた人々、回答ごとのつながりを記録しました。回答そのものは聞き取りとともに保存されています{"（"}
interview-list-intro-duplicates = {"）。"}異なる聞き取りで二度挙げられた人は
interview-list-intro-duplicates-link = 重複の可能性
interview-list-intro-end = に表示されます。
interview-list-empty = まだ聞き取りはありません。
interview-list-held-on = 実施日
interview-list-person = 聞き取りの相手
interview-list-language = 言語
interview-list-named = 挙げられた人数
interview-list-sent-by = 送信者

## スクリプト: 聞き取りを 1 画面ずつ

js-interview-title = 聞き取り
js-interview-channel-in-person = 対面
js-interview-channel-phone = 電話
js-interview-channel-sms = SMS
js-interview-channel-whatsapp = WhatsApp
js-interview-channel-radio = ラジオ
js-interview-channel-social-media = SNS
js-interview-channel-email = メール
js-interview-kind-migrant = 個人
js-interview-kind-organisation = グループまたは団体
js-interview-kind-responder = 窓口または公的サービス
js-interview-list-separator = {"、"}

js-interview-outbox-all-sent = すべての聞き取りを送信しました。
js-interview-outbox-waiting-other = { $count } 件の聞き取りが送信を待っています。この端末に保存され、接続が戻ると送信されます。
js-interview-outbox-refused = 送信待ちはありません。下に表示されているものはサーバーに拒否されました。
js-interview-item = { $name }（{ $day }）: { $state }
js-interview-item-waiting = 送信待ち
js-interview-item-refused = 拒否 – { $reason }
js-interview-item-sign-in-again = 送信するには再度サインインしてください。
js-interview-refused-status = サーバーに拒否されました （{ $status }）。
js-interview-discard = 破棄
js-interview-discard-confirm = この聞き取りを破棄しますか？回答は失われます。

js-interview-step = ステップ { $step } / { $steps }
js-interview-next = 次へ
js-interview-send = 聞き取りを送信
js-interview-new-title = 新しい聞き取り
js-interview-language-intro = 聞き取りを行う言語を選んでください。質問はその言語で表示され、下に日本語が表示されます。
js-interview-language-label = 聞き取りの言語
js-interview-consent-hint = 読み上げるか、相手に読んでもらってください。同意した項目だけを、1 つずつ確認してチェックしてください。
js-interview-consent-legend = 同意する項目
js-interview-consent-none = 少なくとも 1 つの用途に同意がなければ、何も記録されません。ここで聞き取りを終えてください。
js-interview-recorded = { $day } に { $by } が記録。
js-interview-ego-title = 聞き取りの相手は誰ですか？
js-interview-ego-chosen = 選択済み: { $name }
js-interview-ego-change = 別の人を選ぶ
js-interview-ego-languages = 話す言語 （第一言語を最初に）
js-interview-ego-city = 住んでいる場所
js-interview-ego-city-unsaid = 回答なし
js-interview-ego-channels = 連絡方法
js-interview-ego-missing = 名簿で相手を探すか、名前を入力して追加してください。
js-interview-languages-unreadable = 言語は一覧の表記か 3 文字のコードで、コンマで区切って入力してください。
js-interview-roster-label = 既知の人を探す
js-interview-roster-hint = 名前を 2 文字以上入力してください。
js-interview-roster-offline = 名簿の検索には接続が必要です。新しい人として追加してください （重複は後で統合できます）。
js-interview-roster-nobody = その名前の人は見つかりません。新しい人として追加してください。
js-interview-roster-alike = { $names } と同じ人かもしれません。どちらか確認してください。
js-interview-new-person = または新しい人を追加
js-interview-name = 名前
js-interview-who-they-are = 種別
js-interview-named-here = ここで挙げられた人
js-interview-named-none = まだ誰も挙げられていません
js-interview-named-already = すでに挙げられた人
js-interview-named-is-ego = その人は聞き取りの相手です。
js-interview-add = 追加
js-interview-name-first = 先に名前を入力してください。
js-interview-remove = 削除
js-interview-about = { $name } について
js-interview-sociogram-too-few = 挙げられた人が 2 人未満のため、結び付ける相手がいません。
js-interview-sociogram-hint = 1 人をタップし、次にその人を知っている別の人をタップします。任意です。

js-interview-summary-title = 送信前の確認
js-interview-summary-language = 言語
js-interview-summary-consent = 同意
js-interview-summary-person = 聞き取りの相手
js-interview-summary-new = { $name }（新規）
js-interview-summary-named-other = 挙げられた人: { $count } 人
js-interview-summary-answers = { $name }: { $questions }
js-interview-summary-trust = 信頼度 { $trust }/5
js-interview-summary-links-other = 挙げられた人どうしのつながり: { $count } 件。

js-interview-saved = 聞き取りを保存しました
js-interview-done-sending = この端末に保存しました。今から送信します。
js-interview-done-sent = 送信済み: ネットワークに届きました。
js-interview-done-kept = この端末に保存しました。接続が戻りしだい送信されます。
js-interview-another = 別の聞き取りを始める
js-interview-protocol-unavailable = 質問を読み込めませんでした。一度、接続のある状態でこのページを開いてください。
