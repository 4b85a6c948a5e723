# The research, import and administration pages.

## The research page (templates/pages/research.html, src/http/pages/research.rs)

research-title = 研究
research-heading = 数字で見るネットワーク
# Split around the link to the summary as JSON.
research-intro-before = 中継グラフ：移住者、組織、対応者と、メッセージを運べるすべてのつながりです（NetworkX の定義、
research-intro-link = JSON 版
research-intro-after = ）。
research-suppressed = アクターが 5 件未満のグループは内訳から除いています（{ $count } 件を非表示）。
research-summary = 概要
research-actors = アクター
research-ties = つながり
research-density = 密度
research-components = 連結成分
research-largest = 最大成分の割合
research-clustering = 平均クラスタリング係数
research-transitivity = 推移性
research-communities = コミュニティ（Louvain）
research-modularity = モジュラリティ
# A percentage; $percent is already written as the language writes numbers.
research-percent = { $percent }%
research-degree-caption = つながりの数（次数）別のアクター
research-degree-label = 次数別のアクター
research-capital-heading = 社会関係資本
research-capital-shares = つながりの端全体のうち、結束型が { $bonding }、橋渡し型が { $bridging }、連結型が { $linking } です。
research-tie-types-caption = 第一言語別のつながりの種類：各グループのつながりの端に占める結束型（同じ種類・同じ言語）、橋渡し型（言語や種類をまたぐ）、連結型（対応者へ）の割合
research-tie-types-label = 第一言語別のつながりの種類。下の表に同じ数値があります
# A segment's tooltip in the tie-types chart.
research-bar-title = { $language }：{ $percent }
# After a language's three shares in the tie-types chart.
research-tie-ends = （つながりの端 { $count } 件）
research-legend-bonding = 結束型（左）
research-legend-bridging = 橋渡し型（中）
research-legend-linking = 連結型（右）
research-bonding = 結束型
research-bridging = 橋渡し型
research-linking = 連結型
research-by-city = 都市別
research-city = 都市
research-by-language = 第一言語別
research-language = 言語
research-downloads = ダウンロード
research-downloads-personal = 同意していない移住者を除いたネットワーク全体です。研究者と共有する場合は仮名を付けてください。
research-downloads-pseudonymised = 仮名化済み：ID は鍵付きの仮名、位置は 1 km のグリッドで、氏名や連絡先は含みません。
# Links after a download's format (csv · with metrics · pseudonymised).
research-with-metrics = 指標付き
research-pseudonymised = 仮名化
research-metrics-csv = アクターごとの指標（CSV）

## The import page (templates/pages/import.html, static/js/import.js)

import-title = インポート
# Split around the link to the export.
import-intro-before = CSV ファイル（アクター、つながり、またはその両方）か、ネットワークの 1 ファイルから、アクターとつながりを追加・更新します。1 ファイルとは、
import-intro-link = エクスポート
import-intro-after = が書き出す JSON 文書または CSV の zip、GraphML・GEXF・node-link JSON のグラフファイル（relaymap、NetworkX、Gephi、igraph のもの）、または保存済みのマッピングで読み込む Network Canvas のエクスポートです。ファイルはまず、何も書き込まずにネットワークと照合されます。誤りのある行がすべて下に表示されるか、インポートで書き込まれる内容が表示されるので、確認してください。インポートはすべて行われるか、まったく行われないかのどちらかです。
# Split around "HXL" (a link), followed by the two templates' file names.
import-templates-before = 次のテンプレートから始めてください（
import-templates-after = の行付き）：
import-files-legend = ファイル
import-actors-label = アクター（CSV）
import-ties-label = つながり（CSV）
import-document-label = …または、代わりにネットワーク全体の 1 ファイル（JSON、GraphML、GEXF、node-link JSON、CSV の zip）
# Split around two commands: relaymap import --graph FILE --mapping mapping.json, PUT /api/v1/mappings/NAME.
import-no-mapping-before = Network Canvas のエクスポートは、その調査のマッピングで読み込みます。保存済みのマッピングはまだありません。保存するには
import-no-mapping-or = または
import-no-mapping-after = を使ってください（graph-schema/README.md の「Network Canvas」）。
import-mapping-label = Network Canvas のエクスポート（GraphML または zip）は、その調査のマッピングで読み込みます
import-mapping-none = Network Canvas のエクスポートではない
import-check-button = ファイルを確認
import-progress-label = アップロード
import-confirm-button = 今すぐインポート
import-errors-label = インポートで見つかった問題
import-errors-caption = 修正が必要な行：何も書き込まれていません
import-col-file = ファイル
import-col-line = 行
import-col-field = 項目
import-col-problem = 問題

# The import page's script. The problems it lists, and its notes, are the API's (in English).
js-import-not-both = CSV ファイルか、ネットワーク全体の 1 ファイルのどちらかを選んでください。両方は選べません。そのファイルだけでネットワーク全体を含んでいます。どちらかを解除してください。
js-import-mapping-needs-file = マッピングが読み込むのは 1 つのファイル（Network Canvas のエクスポート）です。そのファイルをネットワーク全体の 1 ファイルとして選んでください。
js-import-checking-sent = 確認中：{ $percent }% 送信済み
js-import-importing-sent = インポート中：{ $percent }% 送信済み
js-import-checking-rows = 確認中：すべての行を照合しています…
js-import-importing-rows = インポート中：すべての行を処理しています…
js-import-server-answered = サーバーの応答：{ $status }
js-import-upload-failed = アップロードに失敗しました
# What an import writes: "{ $created } and { $updated }" of actors, then of ties.
js-import-new-and-updated = { $created }、{ $updated }
js-import-new-actors-other = 新規アクター { $count } 件
js-import-updated-actors-other = 更新アクター { $count } 件
js-import-new-ties-other = 新規つながり { $count } 件
js-import-updated-ties-other = 更新つながり { $count } 件
js-import-unchanged-other = （変更なしの { $count } 件はそのまま）
js-import-actors-and-ties = { $actors }、{ $ties }
js-import-ready = 確認完了：インポートすると { $what } が書き込まれます。確定するまで何も書き込まれません。
js-import-imported = インポート完了：{ $what }。
# Something the server read differently or left out ($note: the API's words).
js-import-note = 注：{ $note }。
js-import-nothing-checked = 何も確認されていません：{ $reason }
js-import-choose-file = 先にファイルを選んでください。
js-import-check-failed = 確認を実行できませんでした：{ $reason }
js-import-import-failed = インポートを実行できませんでした：{ $reason }

## The administration pages: tokens, a token issued, the audit trail
## (templates/pages/admin.html, token-issued.html, audit.html, src/http/pages/admin.rs)

admin-title = 管理
admin-heading = トークンと監査記録
# Split around the link to the audit trail.
admin-intro = relaymap を使う人は全員トークンを持ち、それによって見られる範囲が決まります。
admin-intro-link = 監査記録
admin-intro-after = には、人々のデータに触れるすべての呼び出しと、すべての拒否が記録されます。
admin-tokens-heading = トークン
admin-col-whose = 所有者
admin-col-role = 役割
admin-col-made = 作成
admin-col-expires = 有効期限
admin-col-state = 状態
admin-revoke = 失効
# A revoke link, to screen readers; $label: whose token it is.
admin-revoke-label = { $label } のトークンを失効させる
admin-this-session = このセッション
admin-state-active = 有効
admin-state-expired = 期限切れ
admin-state-revoked = 失効済み
# A token without an end.
admin-never = なし
admin-done-revoked = 失効させました。このトークンとそのセッションは使えなくなりました。
admin-issue-heading = トークンの発行
admin-not-issued = トークンは発行されませんでした
admin-error-prefix = エラー：
admin-label-label = トークンの所有者
admin-label-hint = 監査記録での呼び名となるチームまたは個人です。ネットワーク内の人々の個人データは入れないでください。
admin-error-label = 「港湾 NGO 現地チーム」のように、誰のトークンかを入力してください。
admin-role-legend = できること
# The roles by name, and what each may do ("viewer: counts only").
admin-role-admin = 管理者
admin-role-coordinator = コーディネーター
admin-role-analyst = アナリスト
admin-role-viewer = 閲覧者
admin-role-interviewer = 聞き取り担当
admin-role-separator = {"："}
admin-role-admin-may = トークンと監査記録を含むすべて
admin-role-coordinator-may = ネットワークそのもの（名前、地図、シナリオ、インポート）
admin-role-analyst-may = 仮名化された研究データと指標
admin-role-viewer-may = 件数のみ
admin-role-interviewer-may = 現地での聞き取りのみ（聞き取りページと名前による名簿）
admin-error-role = トークンでできることを選んでください。
admin-days-label = 有効日数
admin-days-hint = 空欄の場合、期限はありません。現地チームのトークンは短期間にするのが望ましいです。
admin-error-days = 1 から 3650 までの整数の日数を入力するか、空欄にしてください。
admin-issue-button = トークンを発行

# Asking before a token is revoked; $label: whose token it is, $role: its role's name.
admin-revoke-title = トークン「{ $label }」を失効させますか？
admin-revoke-warning = この{ $role }トークンを持つ人はすぐにアクセスできなくなり、このトークンでサインインしたすべてのセッションが終了します。元に戻せません。再びアクセスが必要な場合は、新しいトークンを発行してください。
admin-revoke-button = トークンを失効させる

admin-issued-title = トークンを発行しました
# Around whose token it is (in bold); $role: its role's name, $expires: when it expires.
admin-issued-before = { $role }のトークンを次の相手に発行しました：
admin-issued-after = 。有効期限：{ $expires }。この秘密の値は、直接手渡すか暗号化された経路で渡してください：
admin-issued-after-never = 。有効期限はありません。この秘密の値は、直接手渡すか暗号化された経路で渡してください：
admin-warning-prefix = 警告：
admin-issued-warning = 表示されるのは今だけです。relaymap はハッシュしか保存しません。このページを離れる前にコピーしてください。
admin-back-to-tokens = トークン一覧に戻る

admin-audit-title = 監査記録
admin-audit-newest = 最新の { $count } 件です。
admin-audit-older-intro = 以前の記録です。
# Around the two words the trail keeps instead of names: withheld, erased.
admin-audit-kept-before = 検索は
admin-audit-kept-between = として、削除された人は
admin-audit-kept-after = として記録され、記録に名前が残ることはありません。
admin-audit-entries = 監査記録の項目
admin-col-when = 日時
admin-col-who = 誰が
admin-col-call = 呼び出し
admin-col-about = 対象
admin-col-outcome = 結果
admin-col-records = 件数
admin-audit-older = 以前の記録
