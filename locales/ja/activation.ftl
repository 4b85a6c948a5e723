# 危機対応の運用：発動の一覧、発動のライブボード、中継者の印刷用連絡シート、事後報告。

## Shared words

activation-list-title = 発動
activation-drill = 訓練
activation-live = 本番
activation-state-open = 実施中
activation-state-closed = 終了
activation-error-prefix = エラー：
activation-none-yet = まだありません。
activation-nobody = なし
activation-call-sheet = 連絡シート
activation-col-name = 名前
activation-col-kind = 種別
activation-col-state = 状態
activation-col-scenario = シナリオ
activation-col-started = 開始
activation-col-contacts = 連絡数
activation-col-languages = 言語
activation-col-language = 言語
activation-col-reach-by = 連絡手段
activation-col-adds = 追加人数
activation-col-so-far = これまで
activation-col-record = 記録
activation-col-migrants = 移住者数
activation-col-when = 日時
activation-col-who = 相手
activation-col-outcome = 結果
activation-col-by = 記録者
activation-col-note = メモ
activation-col-after = 開始からの時間
activation-col-done = 済


activation-outcome-reached = 到達：メッセージを受け取った
activation-outcome-confirmed = 受信を確認
activation-outcome-no-answer = 応答なし
activation-outcome-unavailable = 対応不可
activation-not-called-yet = 未連絡

## The list of activations

activation-list-intro-before = 保存したシナリオをもとに、危機対応または訓練を実施します。連絡リストが最初に連絡すべき相手を示し、各連絡の結果はワンクリックで記録されます。連絡がつかない人がいると、リストは次に適した中継者に切り替わります。事前に、それだけで移住者への到達を支えているつながりを
activation-list-intro-link = 優先して再確認してください
activation-list-intro-after = 。
activation-live-open = 実施中の本番発動
activation-live-relays-reached = 到達した中継者（本番）
activation-live-migrants-confirmed = 受信を確認した移住者（本番）
activation-drills-open = 実施中の訓練
activation-start-heading = 発動を開始
activation-no-scenarios-before = 保存されたシナリオはまだありません：
activation-no-scenarios-link = 危機シナリオのページで作成して
activation-no-scenarios-after = 保存してください。
activation-name-label = 名前
activation-name-placeholder = 港の洪水、12月3日
activation-scenario-label = 保存済みシナリオ
activation-drill-choice = 訓練（どこでも訓練と表示され、本番の数値には数えられません）
activation-start-button = 開始
activation-all-heading = すべての発動

## An activation's board

activation-title-drill = 訓練：{ $name }
activation-started-by = { $time } に { $who } が開始しました。
activation-started-by-scenario = { $time } に { $who } がシナリオ「{ $scenario }」から開始しました。
activation-board-open = 実施中です。
activation-board-closed = { $time } に終了しました。
activation-report-link = 事後報告
activation-map-heading = 所在地
activation-map-label = 地図：受信を確認した移住者、計画で到達できる移住者、現在到達できない移住者
activation-contact-heading = ほかの人との連絡を記録
activation-contact-actor-label = 相手（名前またはID）
activation-contact-actor-hint = 受信を確認した移住者、またはリストにない中継者。入力すると名前の候補が表示されます。
activation-outcome-legend = 結果
activation-choice-confirmed = 受信を確認（移住者）
activation-choice-reached = 到達：メッセージを受け取り、伝えてくれる
activation-choice-no-answer = 応答なし（3回続くと対応不可）
activation-choice-unavailable = 対応不可：中継できない
activation-note-label = メモ（任意）
activation-record-button = 記録
activation-end-heading = 終了する
activation-close-drill = この訓練を終了
activation-close-activation = この発動を終了
activation-error-outcome = 連絡の結果を選んでください。
activation-error-already-closed = 発動 { $id } はすでに終了しています。
activation-error-busy = 発動 { $id } は同時に多くの人が更新しています。もう一度お試しください。

activation-drill-banner = — 本当の緊急事態ではありません。数値は本番のものとは別に扱われます。
activation-progress-relays-reached = 到達した中継者
activation-progress-migrants-confirmed = 受信を確認した移住者
activation-progress-plan-reaches = 計画で到達できる移住者
activation-progress-of = { $targets }人中{ $reached }人
activation-progress-unavailable = 対応不可
activation-call-list-heading = 連絡リスト
activation-call-list-replanned = 連絡リスト（再計画済み）
activation-call-list-empty = 連絡すべき相手はもういません。到達可能な移住者はすべてカバーされているか、中継者が残っていません。
activation-more-relays = ほかの中継者{ $count }人（追加される移住者はより少なくなります）
activation-more-relays-label = ほかに連絡する中継者
activation-kind-inside-area = { $kind }、区域内
activation-button-reached = 到達
activation-button-no-answer = 応答なし
activation-button-unavailable = 対応不可
activation-button-for = { $outcome }：{ $name }
activation-unreached-heading = 未到達（第一言語別）
activation-replanning-heading = 再計画
activation-change-unavailable = { $time }：{ $name } は対応不可。
activation-change-call-instead = 代わりに連絡：{ $names }。
activation-change-off-list = リストから除外：{ $names }。
activation-contacts-heading = 連絡（新しい順）
activation-sentence-separator = {""}

## A relay's call sheet (printed)

activation-sheet-title = 連絡シート：{ $name }
activation-sheet-heading = { $name } の連絡シート
activation-sheet-made = { $activation }。{ $time } 作成。
activation-sheet-made-drill = { $activation } — 訓練であり、本当の緊急事態ではありません。{ $time } 作成。
activation-sheet-relay = 中継者
activation-sheet-relay-kind = { $name }（{ $kind }）
activation-sheet-pass-heading = メッセージを伝える相手
activation-sheet-nobody = なし：現在の計画では、この中継者を通じて到達する人はいません。
activation-sheet-tick = 済んだらチェック
activation-print-button = 印刷

## The after-action report

activation-report-title = 報告：{ $name }
activation-report-crumb = 報告
activation-report-heading = 事後報告：{ $name }
activation-report-summary = { $started } に開始、{ $state }。{ $attempts }、{ $relays }、{ $confirmations }。{ $changes }。
activation-report-still-open = 現在も実施中
activation-report-closed = { $time } に終了
activation-report-attempts = 連絡の試み{ $count }件
activation-report-relays = 到達した中継者{ $count }人
activation-report-confirmations = 受信確認{ $count }件
activation-report-changes = 計画の変更{ $count }回
activation-failed-heading = 機能しなかった予定の中継者
activation-report-none = なし。
activation-failed-relay = { $name }、開始から{ $after }後に対応不可と判明
activation-by-language-heading = 言語別の連絡
activation-report-no-contact = 連絡は記録されていません。
activation-after-minutes = { $minutes }分
activation-after-hours = { $hours }時間{ $minutes }分

## The ties to re-verify (src/http/pages/activations.rs)

activation-verify-never = 未確認

## Scripts: the board kept up to date, and its map

js-activation-up-to-date = { $time } 時点で最新です。
js-activation-refresh-failed = ボードを更新できませんでした（{ $status }）。再試行します。
js-activation-offline = オフラインです。接続が戻るとボードが更新されます。
js-activation-not-recorded = 記録されませんでした：{ $reason }。
js-activation-recorded = 記録しました。
js-activation-no-connection = 記録されませんでした：接続がありません。もう一度お試しください。
js-activation-map-counts = 地図上：受信確認 { $confirmed }、計画で到達可能 { $reachable }、現在到達不可 { $unreachable }（位置情報のある移住者のうち）。
js-activation-map-read-failed = 地図が発動を読み込めませんでした（{ $status }）。
js-activation-map-load-failed = 地図を読み込めませんでした：{ $error }
js-activation-legend-title = 発動
js-activation-legend-confirmed = 受信を確認
js-activation-legend-reachable = 計画で到達可能
js-activation-legend-unreachable = 現在到達不可（白抜きの輪）
