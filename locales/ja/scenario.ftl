# ネットワーク地図（/map）、危機シナリオ（/scenario）、最初に再確認するつながり（/verification）。
# スクリプト：static/js/map.js、scenario.js、cascade.js。
# id が js- で始まるメッセージはスクリプトが使います。値（{ $name }）はスクリプトが埋めます。
# セレクターは使いません（数によって id-other などが選ばれます）。

## ネットワーク地図

map-page-title = 地図
map-title = ネットワーク地図
map-show = 表示
map-ties = つながり
map-only = 絞り込み
map-language = 言語
map-city = 都市
map-city-any = すべて
map-ties-over = つながりの経路
map-any-channel = すべての経路
map-trust-at-least = つながりの信頼度（最低）
map-label = ネットワークの関係者の地図
map-loading = ネットワークを読み込んでいます…

js-map-legend-title = 関係者
js-map-legend-cluster = 近くにいる複数の関係者（その数）
js-map-legend-tie = つながり（チェック時）
js-map-legend-district = 地区（名前付き）
js-map-loading-ties = つながりを読み込んでいます…
js-map-ties-too-many-other = 表示範囲のつながりが { $count } 本あり、多すぎて読めません。拡大するか、絞り込むか、関係者を開いてそのつながりを表示してください。
js-map-ties-drawn-other = つながりを { $count } 本表示しました。
js-map-ties-hidden-other = つながりを { $drawn } 本表示しました。残りの { $count } 本を見るには拡大してください（端がまとめられているか、表示範囲外です）。
js-map-shown-other = 関係者を { $count } 人表示しています。
js-map-could-not-load = 地図を読み込めませんでした：{ $error }

## 危機シナリオ

scenario-title = 危機シナリオ
scenario-intro = 被災地域を地図上に描くか GeoJSON ファイルから読み込み、まだ使えるものを選んで実行します。地域内の移住者のうち、対応者が誰に、誰を通じて到達でき、誰が孤立するかがわかります。
scenario-map-label = 地図：被災地域を描いてください
scenario-area = 被災地域
scenario-draw-start = 地域を描く
scenario-draw-undo = 最後の角を取り消す
scenario-draw-finish = 地域を確定
scenario-draw-cancel = 描画を中止
scenario-area-clear = 地域を消去
scenario-area-file = …または GeoJSON ファイルから読み込む
scenario-no-area-yet = 地域はまだありません。すべての移住者が対象です。
scenario-channels = まだ使える経路（チェックなし：すべて）
scenario-max-hops = 対応者からのつながり（最大）
scenario-min-trust = 各つながりの信頼度（最低、0–1）
scenario-language-check = 各つながりの両端が共通の言語を話す
scenario-exclude = 対応不可（動けない組織または対応者）
scenario-exclude-add = 追加
scenario-run = シナリオを実行
scenario-running = シナリオを実行中
scenario-saved = 保存したシナリオ
scenario-saved-pick = 保存したシナリオを選ぶ
scenario-load = 読み込んで実行
scenario-delete = 削除
scenario-save-as = この名前で保存
scenario-name-placeholder = 港の浸水
scenario-save = 保存
scenario-results = 結果
scenario-download-csv = CSV をダウンロード
scenario-download-geojson = GeoJSON をダウンロード
scenario-print = 掲示用に印刷
scenario-conditions = 条件
scenario-call-list = 連絡リスト：対応者が最初に連絡する相手
scenario-failures = 単一障害点：この人が対応できないと、他の人が孤立します
scenario-by-language = 孤立した人（第一言語別）
scenario-cut-off = 孤立した人：別の方法で連絡してください
scenario-col-name = 名前
scenario-col-kind = 種別
scenario-col-languages = 言語
scenario-col-reach-by = 連絡手段
scenario-col-adds = 追加到達
scenario-col-in-area = 地域内
scenario-col-cuts-off = 孤立させる人数
scenario-col-language = 言語
scenario-col-migrants = 移住者
scenario-col-reliability = 信頼性
scenario-col-fewest-ties = 最少つながり数
scenario-col-path = 最も信頼できる経路
scenario-cascade = メッセージが広がるまでの時間
scenario-cascade-hint = シミュレーションです。関係者の各組は、つながりの信頼度に応じて、まだ使える最も速い経路の遅延の後にメッセージを伝えます（対面 2 時間、電話 15 分、SMS 30 分、WhatsApp 15 分、ラジオと SNS 1 時間、メール 4 時間）。1,000 回実行し、帯には 10 回中 9 回の結果が入ります。
scenario-simulate = 連鎖をシミュレーション
scenario-cascade-caption = 各時刻までに到達した移住者：線は実行の平均、帯は 5 パーセンタイルから 95 パーセンタイルまでです。
scenario-col-by-hour = 時刻
scenario-col-mean = 到達（平均）
scenario-col-p5 = 5 パーセンタイル
scenario-col-p95 = 95 パーセンタイル
scenario-reached = 到達した人（経路の弱い順）
scenario-reached-hint = 名前に移動する（Tab キー、またはタップ）と、地図上に経路が表示されます。

js-scenario-headline-other = 移住者 { $targets } 人中 { $reached } 人に到達（{ $coverage }）、{ $unreached } 人が孤立。
js-scenario-percent = { $value }%
js-scenario-printed = relaymap · 危機シナリオ（{ $when } に印刷）
js-scenario-list-separator = {"、"}
js-scenario-path-separator = {" → "}
js-scenario-legend-title = シナリオ
js-scenario-legend-responder = 対応者
js-scenario-legend-organisation = 組織
js-scenario-legend-reached = 到達：弱い経路（暗）から信頼できる経路（黄）
js-scenario-legend-cut-off = 孤立（白抜きの輪）
js-scenario-legend-outside = 地域外、または未実行
js-scenario-legend-area = 被災地域
js-scenario-legend-path = 中継経路（到達した移住者をタップ）
js-scenario-no-area-yet = 地域はまだありません。すべての移住者が対象です。
js-scenario-no-area = 地域なし：すべての移住者が対象です。
js-scenario-area-set = 地域を設定しました（{ $how }）。地域内の移住者だけが対象です。
js-scenario-area-drawn-other = 描画、角 { $count } 個
js-scenario-area-from-file = ファイル { $file } から
js-scenario-area-saved-with = 「{ $name }」と一緒に保存
js-scenario-corners-more-other = 角 { $count } 個：被災地域の各角で地図をクリックしてください。
js-scenario-corners-finish-other = 角 { $count } 個：地域が閉じたら「地域を確定」を押してください。
js-scenario-cancelled-kept = 描画を中止しました。地域は元のままです。
js-scenario-cancelled-none = 描画を中止しました。地域なし：すべての移住者が対象です。
js-scenario-not-geojson = このファイルは GeoJSON ではありません：{ $error }
js-scenario-more-other = 他 { $count } 件は CSV と印刷シートにあります。
js-scenario-path-other = { $name } への経路：{ $path }（信頼性 { $reliability }、つながり { $count } 本）。
js-scenario-cond-run-at = 実行日時
js-scenario-cond-area = 被災地域
js-scenario-cond-area-drawn = 地図上に描画
js-scenario-cond-area-none = なし：ネットワーク全体
js-scenario-cond-channels = まだ使える経路
js-scenario-cond-all-channels = すべての経路
js-scenario-cond-hops = 対応者からのつながり
js-scenario-cond-at-most = 最大 { $count }
js-scenario-cond-trust = 各つながりの信頼度
js-scenario-cond-at-least = 最低 { $value }
js-scenario-cond-language = 共通の言語
js-scenario-cond-language-shared = 各つながりの両端が共通の言語を話す
js-scenario-cond-language-not-required = 不要
js-scenario-cond-unavailable = 対応できない
js-scenario-cond-nobody = なし
js-scenario-yes = はい
js-scenario-no = いいえ
js-scenario-remove = 外す
js-scenario-remove-label = { $name } を対応できない一覧から外す
js-scenario-several-called = 「{ $name }」という関係者が複数います。目的の関係者の ID を入力してください。
js-scenario-none-called = 「{ $name }」という関係者はいません。
js-scenario-csv-failed = CSV を作成できませんでした：{ $status }
js-scenario-saved-option = { $name }（{ $by }、{ $date }）
js-scenario-name-first = 先にシナリオの名前を入力してください。
js-scenario-saved-as = 「{ $name }」として保存しました。
js-scenario-not-saved = 保存されませんでした：{ $error }
js-scenario-choose-first = 先に保存したシナリオを選んでください。
js-scenario-delete-confirm = 保存したシナリオ「{ $name }」を削除しますか？元に戻せません。
js-scenario-deleted = 「{ $name }」を削除しました。
js-scenario-not-deleted = 削除されませんでした：{ $status }
js-scenario-running = 実行中…
js-scenario-running-for = 実行中… { $seconds } 秒
js-scenario-refused = 拒否されました：{ $error }
js-scenario-done = { $seconds } 秒で完了しました。到達した移住者をタップするか、下の到達一覧を順に移動すると、中継経路が表示されます。
js-scenario-could-not-run = シナリオを実行できませんでした：{ $error }

## 連鎖のシミュレーション（シナリオのページ）

js-cascade-hours = { $hours }時間
js-cascade-run-first = 先にシナリオを実行してください。
js-cascade-simulating = { $runs } 回シミュレーションしています…
js-cascade-result-other = { $hours } 時間後、平均で移住者 { $targets } 人中 { $mean } 人に到達します（10 回中 9 回は { $low }～{ $high } 人）。{ $never }% はどの実行でも到達しません。
js-cascade-could-not-run = シミュレーションを実行できませんでした：{ $error }

## 最初に再確認（/verification）

verification-title = 最初に再確認
verification-intro = 失敗すると、それだけで移住者が対応者に届かなくなるつながりです（3 つ以内のつながりで、両端が共通の言語を話すつながりを通る場合）。これらを最初に確認してください。一度も確認されていないもの、最後の確認が最も古いものを優先します。
verification-empty = 単独で誰かを支えているつながりはありません。到達したすべての移住者に別の経路があります。
verification-caption-first = つながり { $total } 本のうち最初の { $shown } 本
verification-caption-all = つながり { $count } 本
verification-col-between = 一方
verification-col-and = もう一方
verification-col-cut-off = 孤立する人数
verification-col-last-verified = 最終確認日
