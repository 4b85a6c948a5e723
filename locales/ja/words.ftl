# Words every page shares (src/http/pages/words.rs, static/js/words.js): kinds, channels,
# relations, outcomes, consent.

# Between the items of a list, and between the clauses of a sentence.
words-list-separator = {"、"}
words-clause-separator = {"。"}
# Between the last two choices of a short list ("an organisation or a responder").
words-or = {"または"}

channel-in-person = 対面
channel-phone = 電話
channel-sms = SMS
channel-whatsapp = WhatsApp
channel-radio = ラジオ
channel-social-media = SNS
channel-email = メール

kind-migrant = 移住者
kind-organisation = 組織
kind-responder = 対応者
kind-city = 都市
kind-a-migrant = 移住者
kind-an-organisation = 組織
kind-a-responder = 対応者
kind-a-city = 都市

tie-kind-knows = 知り合い
tie-kind-member-of = 所属
tie-kind-partners-with = 提携
tie-kind-serves = 支援
tie-kind-located-in = 所在地

relation-knows = 知り合い
relation-member-of = 所属先
relation-has-member = メンバー
relation-partners-with = 提携先
relation-serves = 支援先
relation-served-by = 支援元
relation-located-in = 所在地
relation-city-of = ここに所在
# A tie kind offered on an actor's card: the relation and the kinds of actor it may join.
tie-choice = { $relation }（{ $kinds }）

capital-bonding = 結束型
capital-bridging = 橋渡し型
capital-linking = 連結型

outcome-ok = 完了
outcome-forbidden = 拒否：許可されていません
outcome-unauthenticated = 拒否：サインインしていません
outcome-csrf = 拒否：フォームが古すぎました
outcome-failed = 拒否：不明なトークン
outcome-too-many-failures = 拒否：サインインの失敗が多すぎます
outcome-refused = 拒否：何も保存されませんでした
outcome-conflict = 拒否：保存済みの内容と矛盾します
outcome-too-large = 拒否：大きすぎます
outcome-too-many = 拒否：一度に多すぎます
outcome-server-error = 失敗：何も保存されませんでした

purpose-warnings = 緊急警報と支援
purpose-partners = 提携組織との共有
purpose-research = 匿名化された研究

consent-none = 未取得：コーディネーターにのみ表示され、エクスポートされることはありません。
consent-given = 同意済みの目的：{ $purposes }
consent-expired = 期限切れ（同意なしとして扱います）– 同意していた目的：{ $purposes }
consent-recorded = { $day } に記録
consent-recorded-by = { $day } に { $by } が記録
consent-until = { $day } まで有効
# The whole sentence: the clauses above, joined.
consent-sentence = { $parts }。
