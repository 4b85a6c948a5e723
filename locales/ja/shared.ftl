# サインイン後のすべてのページに共通するもの（ナビゲーションバー、サインイン中の表示）、
# ダッシュボード、ネットワーク表示、仲介者。地図とネットワーク表示のスクリプト（js- のメッセージ）。

## The navigation bar

nav-label = ページ
nav-dashboard = ダッシュボード
nav-actors = アクター
nav-map = 地図
nav-scenario = シナリオ
nav-activations = 発動
nav-intermediaries = 仲介者
nav-network = ネットワーク
nav-import = インポート
nav-interview = 聞き取り
nav-research = 研究
nav-admin = 管理
nav-search-label = アクターを探す
nav-search-field = 名前でアクターを探す
nav-search-placeholder = 名前で検索
nav-search-button = 検索

## Who is signed in: the token's label, then its role

nav-role = （{ $role }）
nav-role-admin = 管理者
nav-role-coordinator = コーディネーター
nav-role-analyst = 分析者
nav-role-viewer = 閲覧者
nav-role-interviewer = 聞き取り担当者
nav-sign-out = サインアウト

## The dashboard

dashboard-heading = ネットワークの概要
dashboard-reachable-before = 移住者のうち{" "}
dashboard-reachable-after = {" "}に対応者から到達できます（{ $migrants } 人中 { $reached } 人。3 つ以内のつながりで、両端が共通の言語を持つつながりを通り、チャネルは問いません）。
dashboard-share = { $percent }%
dashboard-isolated-before = {""}
dashboard-isolated-after = {" "}人の移住者には、メッセージを届けられるつながりがありません。
dashboard-withheld = { $threshold } 人未満の数は表示されません（「–」）。それを推測できる数も同様です。非表示のセル：{ $count } 件。
dashboard-count = 数
dashboard-as-bar = 棒グラフ
dashboard-kinds-caption = 種類別のアクター
dashboard-kinds-heading = 種類
dashboard-cities-caption = 都市別の移住者
dashboard-cities-heading = 都市
dashboard-languages-caption = 第一言語別の移住者
dashboard-languages-heading = 言語
dashboard-no-city = 都市なし
dashboard-imports-label = 最近のインポート
dashboard-imports-caption = 最近のインポート（書き込みなしの確認は含みません）
dashboard-imports-when = 日時
dashboard-imports-by = 実行者
dashboard-imports-outcome = 結果
dashboard-imports-records = レコード数
dashboard-work-heading = ネットワークを使う
dashboard-work-find-actor = アクターを探す
dashboard-work-or-add = 、または
dashboard-work-add-actor = 追加する
dashboard-work-scenario = 危機シナリオを実行する
dashboard-work-scenario-on = （
dashboard-work-scenario-map = 地図
dashboard-work-scenario-after = 上で）
dashboard-work-intermediaries = 信頼できる仲介者を探す
dashboard-work-intermediaries-after = （コミュニティや言語ごと）
dashboard-work-import = ネットワークをインポートする
dashboard-work-import-or = 、または
dashboard-work-export = ネットワーク全体をエクスポートする
dashboard-work-export-after = （JSON）
dashboard-work-research = ネットワーク指標と仮名化されたエクスポート
dashboard-work-json = これらの数を JSON で

## The network view

view-title = ネットワーク表示
view-intro-before = 誰と誰がつながっているかを、結びつきの強いグループがまとまるように描いています。コミュニティはネットワーク全体で検出される（Louvain 法）ため、どの部分を表示しても同じ色は同じコミュニティを表します。都市と、都市に向かう「
view-intro-located-in = 所在地
view-intro-after = 」のつながりは除いています。これらはすべてを一か所に引き寄せてしまうためです。
view-city = 都市
view-whole-network = ネットワーク全体
view-community-number = コミュニティ番号
view-community-all = すべて
view-colour-by = 色分け
view-colour-community = コミュニティ
view-colour-kind = 種類
view-show = 表示
view-laying-out = ネットワークを配置しています…
view-graph-label = ネットワーク表示：アクターは点、つながりは線で示し、上の状態表示に件数があります
view-actor = アクター
view-click-a-dot = 点をクリックすると、誰かが表示されます。
view-name = 名前
view-kind = 種類
view-community = コミュニティ
view-ties-shown = 表示中のつながり
view-open-card = カードを開く
view-legend = 凡例
view-legend-hint = コミュニティを選ぶと、そのコミュニティだけを描きます。

## The intermediaries

intermediaries-heading = 信頼できる仲介者
intermediaries-intro-before = 対応者が移住者に到達するときに経由する組織や人です。それぞれが少なくとも 1 人の移住者を
intermediaries-intro-bridges = 橋渡し
intermediaries-intro-after = しています。つまり、対応者からその移住者への最も信頼できる経路がその組織や人を通ります（3 つ以内のつながりで、両端が共通の言語を持つつながりを通る場合）。どのつながりが単独で移住者を到達範囲に保っているかを知るには、
intermediaries-intro-reverify = まず再確認してください
intermediaries-intro-end = 。
intermediaries-columns-summary = ほかの列の意味
intermediaries-trust-text = メッセージを運べるつながりの平均信頼度（0～1）。
intermediaries-betweenness-text = ほかのアクター同士の最短経路上にどれだけ位置するか。
intermediaries-betweenness-sampled = ほかのアクター同士の最短経路上にどれだけ位置するか（{ $count } 個の起点からの推定）。
intermediaries-brokerage = 実効サイズと制約
intermediaries-brokerage-text = Burt のブローカー指標：ブローカーは実効サイズが大きく、制約が小さくなります。
intermediaries-filter-label = 仲介者を絞り込む
intermediaries-language = 話す言語
intermediaries-city = 都市
intermediaries-any-city = すべて
intermediaries-filter = 絞り込む
intermediaries-nothing-looked-up = 検索していません
intermediaries-unknown-language = 「{ $typed }」という言語はありません。{ $example }のような名前か、ara のようなコードを入力してください。
intermediaries-none = 該当する仲介者はいません。
intermediaries-showing = 仲介者 { $total } 件中 { $first }～{ $last } 件を表示しています。
intermediaries-count = 仲介者 { $count } 件。
intermediaries-col-name = 名前
intermediaries-col-bridged = 橋渡し数
intermediaries-col-trust = 平均信頼度
intermediaries-col-betweenness = 媒介中心性
intermediaries-col-effective-size = 実効サイズ
intermediaries-col-constraint = 制約
intermediaries-col-city = 都市
intermediaries-col-kind = 種類
intermediaries-col-languages = 言語
intermediaries-col-channels = 連絡手段
intermediaries-pages = 仲介者のページ
intermediaries-previous = 前のページ
intermediaries-next = 次のページ

## Scripts: words (static/js/words.js)

js-words-list-separator = 、
js-words-channel-in-person = 対面
js-words-channel-phone = 電話
js-words-channel-sms = SMS
js-words-channel-whatsapp = WhatsApp
js-words-channel-radio = ラジオ
js-words-channel-social-media = SNS
js-words-channel-email = メール
js-words-kind-migrant = 移住者
js-words-kind-organisation = 組織
js-words-kind-responder = 対応者
js-words-kind-city = 都市

## Scripts: the maps (static/js/network-map.js)

js-map-open-card = カードを開く
js-map-legend = 凡例：{ $title }
js-map-marker = { $kind }：{ $name }
js-map-library-missing = 地図ライブラリがありません。Node.js（npm）をインストールした環境で relaymap をビルドしてください。
js-map-answered = { $path } の応答：{ $status }
js-map-status-zero = アクター { $total } 件中 { $shown } 件を地図に表示しています（ほかは位置がありません）。
js-map-status-one = アクター { $total } 件中 { $shown } 件を地図に表示しています（ほかは位置がありません）。
js-map-status-two = アクター { $total } 件中 { $shown } 件を地図に表示しています（ほかは位置がありません）。
js-map-status-few = アクター { $total } 件中 { $shown } 件を地図に表示しています（ほかは位置がありません）。
js-map-status-many = アクター { $total } 件中 { $shown } 件を地図に表示しています（ほかは位置がありません）。
js-map-status-other = アクター { $total } 件中 { $shown } 件を地図に表示しています（ほかは位置がありません）。

## Scripts: the network view (static/js/network.js)

js-view-kind-dot = { $kind }（点）
js-view-kind-diamond = { $kind }（ひし形）
js-view-community = コミュニティ { $community }
js-view-community-described-zero = コミュニティ { $community }：{ $what }（{ $count } 件表示）
js-view-community-described-one = コミュニティ { $community }：{ $what }（{ $count } 件表示）
js-view-community-described-two = コミュニティ { $community }：{ $what }（{ $count } 件表示）
js-view-community-described-few = コミュニティ { $community }：{ $what }（{ $count } 件表示）
js-view-community-described-many = コミュニティ { $community }：{ $what }（{ $count } 件表示）
js-view-community-described-other = コミュニティ { $community }：{ $what }（{ $count } 件表示）
js-view-smaller-communities = 小さなコミュニティ
js-view-library-missing = グラフライブラリがありません。Node.js（npm）をインストールした環境で relaymap をビルドしてください。
js-view-not-drawn = 描画できませんでした：{ $reason }
js-view-load-failed = 表示を読み込めませんでした：{ $reason }
js-view-status = { $actors }と{ $ties }を表示しています。ネットワーク全体では{ $communities }です（{ $renderer } で描画、{ $seconds } 秒）。
js-view-status-actors-zero = アクター { $count } 件
js-view-status-actors-one = アクター { $count } 件
js-view-status-actors-two = アクター { $count } 件
js-view-status-actors-few = アクター { $count } 件
js-view-status-actors-many = アクター { $count } 件
js-view-status-actors-other = アクター { $count } 件
js-view-status-ties-zero = つながり { $count } 本
js-view-status-ties-one = つながり { $count } 本
js-view-status-ties-two = つながり { $count } 本
js-view-status-ties-few = つながり { $count } 本
js-view-status-ties-many = つながり { $count } 本
js-view-status-ties-other = つながり { $count } 本
js-view-status-communities-zero = コミュニティ { $count } 個
js-view-status-communities-one = コミュニティ { $count } 個
js-view-status-communities-two = コミュニティ { $count } 個
js-view-status-communities-few = コミュニティ { $count } 個
js-view-status-communities-many = コミュニティ { $count } 個
js-view-status-communities-other = コミュニティ { $count } 個
js-view-renderer-webgl = WebGL
js-view-renderer-canvas = Canvas
