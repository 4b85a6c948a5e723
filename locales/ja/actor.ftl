# アクター：一覧（/actors）、アクターのカード、新規作成と削除のページ、フォームのエラー（モデルの
# ルールを言葉で）、確認が必要な重複（/duplicates）。

## アクターの一覧

actor-list-title = アクター
actor-list-new = 新しいアクター
actor-list-duplicates-link = 重複の可能性
actor-list-find-label = アクターを検索
actor-list-name-label = 名前（一部でも可）
actor-list-any = すべて
actor-list-language-label = 言語
actor-list-find = 検索
actor-list-error-heading = 検索は行われませんでした
actor-list-unknown-language = 「{ $language }」という言語はありません。
actor-list-empty = 該当するアクターはありません。
actor-list-found-label = 見つかったアクター
actor-list-caption-page = アクター（このページに { $count } 件）
actor-list-caption-all = アクター（{ $count } 件）
actor-list-caption-more-page = さらにアクター（このページに { $count } 件）
actor-list-caption-more-all = さらにアクター（{ $count } 件）
actor-list-next = 次の { $count } 件
actor-list-done-deleted = つながりとともに削除しました。
actor-list-done-erased = 抹消しました。relaymap には痕跡が残っていません。

## 列と詳細（一覧、カード、重複）

actor-col-name = 名前
actor-col-kind = 種類
actor-col-languages = 言語
actor-col-city = 都市
actor-col-reach = 連絡手段
# A short column heading in narrow tables.
actor-col-reach-by = 連絡方法

## アクターのカード

actor-card-location = 位置
actor-card-consent = 同意
# The languages, then the first one.
actor-card-languages-first = { $languages }（第一言語：{ $first }）
actor-card-coordinates = { $lat }、{ $lon }
actor-card-change = 詳細を変更
actor-card-delete-link = 削除または抹消
actor-card-save = 詳細を保存
actor-card-created = 作成しました。下でつながりを追加してください。
actor-card-saved = 保存しました。
actor-card-tie-added = つながりを追加しました。
actor-card-tie-removed = つながりを削除しました。
actor-card-reach-heading = { $name } に到達できる人
actor-card-reach-none = 両端が言語を共有するつながりを通って、{ $hops } 段階以内に到達できる対応者はいません。
# One sentence in five parts: the second and the fourth are in bold.
actor-card-reach-hint-start = 各対応者について、
actor-card-reach-hint-fewest = 最少のつながり数
actor-card-reach-hint-middle = （{ $name } まで）と
actor-card-reach-hint-reliable = 最も信頼できる経路
actor-card-reach-hint-end = （経路上の信頼度の積が最も高いもの。{ $hops } 段階以内）を示します。この経路はより長いことがあります。
actor-card-col-responder = 対応者
actor-card-col-fewest = 最少つながり数
actor-card-col-reliability = 信頼性
actor-card-col-path = 最も信頼できる経路
actor-card-path-ties = { $count } 段階：
# Between the actors of a path, in reading order.
actor-card-path-arrow = →
actor-card-ties-heading = つながり（{ $count }）
# One sentence around three numbers in bold: "Social capital: 2 bonding, 0 bridging and 1 linking ties."
actor-card-profile-start = 社会関係資本の種類別のつながり：
actor-card-profile-bonding = 件が結束型、
actor-card-profile-bridging = 件が橋渡し型、
actor-card-profile-linking = 件が連結型です。
actor-card-no-ties = まだつながりはありません。
actor-card-col-with = 相手
actor-card-col-trust = 信頼度
actor-card-col-channels = 連絡手段
actor-card-col-verified = 確認日
actor-card-col-capital = 社会関係資本
actor-card-remove = 削除
actor-card-remove-label = { $name } とのつながりを削除

## カードでのつながりの追加と削除

actor-tie-add = つながりを追加
actor-tie-not-added = つながりは追加されませんでした
actor-tie-other-label = 相手
actor-tie-other-hint = 名前（または ID）。入力中に名前の候補が表示されます。
actor-tie-kind-label = つながりの種類
actor-tie-trust-hint = 0（なし）から 1（完全）まで。空欄の場合は 0.5 です。
actor-tie-channels-legend = このつながりで使う連絡手段
actor-tie-verified-label = 最終確認日
actor-tie-note-label = メモ
actor-tie-note-hint = 危機対応チームに必要なことだけを書いてください。在留資格などの法的地位は決して書かないでください。
actor-tie-button = つながりを追加
actor-tie-self = つながりは異なる 2 つのアクターを結びます。別の相手を選んでください。
actor-tie-pick-kind = つながりの種類を選んでください。
actor-tie-trust-not-number = 信頼度は 0 から 1 までの数値です（例：0.8）。
# $tie: the tie kind in words; $rule: what it may join; $kind: the other actor's kind ("a city").
actor-tie-kind-mismatch = 「{ $tie }」のつながりが結ぶのは{ $rule }です。{ $name } は{ $kind }です。
actor-tie-remove-title = このつながりを削除しますか？
# "Dawit is a member of Eritrean Association. ..."
actor-tie-remove-warning = { $source } → { $relation }：{ $target }。到達とカバー率の計算にこのつながりは使われなくなります。元に戻すことはできません。戻すには、もう一度追加してください。
actor-tie-remove-button = つながりを削除

## アクターのフォームの項目（新規または変更）

actor-field-languages = 言語（第一言語を最初に）
# $example: two languages by name, as a list.
actor-field-languages-hint = 名前またはコードを読点かカンマで区切って入力：{ $example }
actor-field-no-city = なし
actor-field-reach-legend = 連絡手段
actor-field-location-hint = （移住者の位置は 100 m 四方のグリッドに丸められます）
actor-field-latitude = 緯度
actor-field-longitude = 経度
actor-field-consent-hint = （移住者のみ：本人がデータの利用に同意した目的）
actor-field-expires = 有効期限
actor-field-expires-hint = （任意。その日以降は同意なしとして扱われます）
actor-field-unknown-language = 「{ $language }」という言語はありません。名前か 3 文字のコードを入力してください。
actor-field-location-invalid = 緯度と経度を両方とも 10 進数の度で入力するか、両方とも空欄にしてください。

## 新しいアクター

actor-new-who = 種類
actor-new-create = 作成

## アクターの削除または抹消

actor-delete-title = { $name } を削除または抹消
actor-delete-nothing = 何も削除されませんでした
# $kind: "a migrant", "an organisation"...
actor-delete-summary = { $name } は{ $kind }で、つながりが { $ties } 件あります。どちらの場合も、このアクターとそのつながりはすぐにネットワークとすべての分析から外れます。
actor-delete-how = 方法
actor-delete-delete = 削除
# Follows "Delete" in bold.
actor-delete-delete-text = ：このアクターとそのつながりを削除します。監査記録には、削除されたこと、削除した人、日時が残ります。
actor-delete-erase = 抹消
# Follows "Erase" in bold.
actor-delete-erase-text = （忘れられる権利）：さらに、保存済みのシナリオ、このアクターに関する監査記録のエントリ、データベースファイルから、すべての痕跡を削除します。
actor-delete-warning = 元に戻すことはできません。それ以前に作成されたバックアップには、削除されるまで残ります。
actor-delete-button = { $name } を削除
actor-delete-city-members = 都市 { $id } には { $count } 件のアクターが所在しています。先に別の都市へ移してください。

## フォーム：共通の言葉と、拒否された変更のエラー

form-cancel = キャンセル
# Read out before a warning by screen readers.
form-warning-prefix = 警告：
# Read out before an error message by screen readers.
form-error-prefix = エラー：
form-error-summary-heading = 何も保存されませんでした
form-error-give-other = 相手のアクターの名前または ID を入力してください。
form-error-no-actor-called = 「{ $name }」という名前のアクターはいません。
# $close: the actors whose name is close, with their ids.
form-error-no-actor-exactly = 「{ $name }」と完全に一致する名前のアクターはいません。{ $close } のことですか？
form-error-several-actors = 「{ $name }」という名前のアクターが複数います。目的のアクターの ID を入力してください（{ $listed }）。
form-error-not-in-network = { $id } はネットワークにありません。
form-error-self-distinct = アクターは自分自身と別人ではありません。
form-error-self-merge = アクターを自分自身に統合することはできません。
# $from_kind, $into_kind: the kinds' codes; $from_a_kind, $into_a_kind: in words ("a migrant").
form-error-different-kinds = { $from } は{ $from_a_kind }、{ $into } は{ $into_a_kind }です。統合できるのは同じ種類の記録だけです。
form-error-city-merge = 都市は統合しません。所在するアクターを 1 つの都市に移してから、もう一方を削除してください。
form-error-actor-not-found = アクター { $id } が見つかりません。
form-error-tie-not-found = つながり { $id } が見つかりません。

# What each tie kind may join.
form-tie-rule-knows = 移住者と移住者
form-tie-rule-member-of = 移住者から組織
form-tie-rule-partners-with = 組織と対応者どうし
form-tie-rule-serves = 組織または対応者から移住者
form-tie-rule-located-in = 移住者・組織・対応者から都市

# The model's rules. $value: what was typed.
form-error-invalid-id = ID は 1～64 文字で、使えるのは英字、数字、「-」「_」「.」「:」です。
form-error-unknown-actor-kind = 不明なアクターの種類「{ $value }」です。migrant、organisation、responder、city のいずれかを指定してください。
form-error-unknown-tie-kind = 不明なつながりの種類「{ $value }」です。knows、member_of、partners_with、serves、located_in のいずれかを指定してください。
form-error-empty-name = 名前を空にすることはできません。
form-error-invalid-name = 名前は 200 文字以内で、制御文字を含めないでください。
form-error-invisible-name = 名前には目に見える文字が 1 文字以上必要です。
form-error-bidi-name = 名前に双方向制御文字（U+202A～U+202E、U+2066～U+2069、U+200E、U+200F、U+061C）を含めることはできません。
form-error-bidi-note = メモに双方向制御文字（U+202A～U+202E、U+2066～U+2069、U+200E、U+200F、U+061C）を含めることはできません。
form-error-invalid-language = 言語「{ $value }」は ISO 639-3 コード（tir や ara のような小文字 3 文字）ではありません。
# $code: the language's code; $name: its name.
form-error-duplicate-language = 言語 { $name }（{ $code }）が 2 回指定されています。
form-error-unknown-channel = 不明な連絡手段「{ $value }」です。in_person、phone、sms、whatsapp、radio、social_media、email のいずれかを指定してください。
form-error-latitude = 緯度は -90 から 90 までの数値です。
form-error-longitude = 経度は -180 から 180 までの数値です。
form-error-half-location = 位置には緯度と経度の両方が必要です。
form-error-trust = 信頼度は 0 より大きく 1 以下でなければなりません。
form-error-unknown-role = 不明な役割「{ $value }」です。admin、coordinator、analyst、viewer、interviewer のいずれかを指定してください。
form-error-invalid-label = ラベルは 1～100 文字で、目に見える文字を含み、制御文字や双方向制御文字を含めないでください。
form-error-not-a-number = 「{ $value }」は数値ではありません。
form-error-not-a-boolean = 「{ $value }」は真偽値ではありません。true か false を使ってください。
form-error-invalid-date = 「{ $value }」は日付ではありません。YYYY-MM-DD の形式で入力してください。
form-error-invalid-timestamp = 「{ $value }」は RFC 3339 のタイムスタンプではありません。
form-error-attributes-not-object = 属性は JSON オブジェクトでなければなりません。
form-error-attributes-too-large = 属性は JSON で 4096 バイト以内でなければなりません。
form-error-note-too-long = メモは 2000 文字以内でなければなりません。
form-error-missing = この項目は必須です。
form-error-self-tie = つながりでアクターを自分自身と結ぶことはできません。
# $kind, $source, $target: codes; $tie, $a_source, $a_target: in words; $rule: what the kind may join.
form-error-kind-mismatch = 「{ $tie }」のつながりは{ $a_source }から{ $a_target }へは結べません。結べるのは{ $rule }です。
form-error-unknown-actor = アクター { $id } は存在しません。
form-error-not-a-city = { $id } は都市ではありません。
# $kind: the kind's code; $a_kind: in words.
form-error-kind-change = アクター { $id } は{ $a_kind }です。アクターの種類は変更できません（削除してから作り直してください）。
form-error-duplicate-id = ID { $id } がこのインポートに 2 回出てきます（最初は { $line } 行目）。
form-error-already-exists = { $id } はすでに存在します。
form-error-does-not-exist = { $id } は存在しません。
# $kind: the code; $tie: in words; $other: the id of the tie already there.
form-error-twin-tie = { $source } には { $target } への「{ $tie }」のつながり（{ $other }）がすでにあります。重複して追加せず、そのつながりを更新してください。
form-error-unknown-column = 不明な列「{ $value }」です。

## 確認が必要な重複

duplicates-title = 重複
duplicates-heading = 重複の可能性
duplicates-intro = 別々の人が行った聞き取りやインポートで、同じ人が 2 回記録されることがあります。次の組は似ています：名前が近い（異なる文字で書かれている場合も含む）、同じ都市や言語、同じ人とのつながり。統合すると、選んだ記録を残し、もう一方のつながりをすべてそこに移し、もう一方にしかなかった情報（言語、連絡手段、位置、都市）を加えてから、もう一方を削除します。同意は両方の記録にあった場合にのみ残ります。元に戻すことはできません。
duplicates-error-heading = 何も変更されませんでした
duplicates-empty = 重複の可能性がある記録はありません。
duplicates-pair = { $a } と { $b }
duplicates-alike = （類似度 { $percent }%）
duplicates-side-by-side = { $a } と { $b } の比較
duplicates-col-record = 記録
duplicates-keep = { $name }（{ $id }）を残し、{ $other } を統合
duplicates-distinct = 別人です
duplicates-done-merged = 統合しました。つながりをすべて持つ記録が 1 つ残っています。
duplicates-done-distinct = 別人として記録しました。この組は今後表示されません。
duplicates-pair-unknown = 組を読み取れませんでした。ページを再読み込みしてください。
# The reasons below, joined: "Similar names (0.94), same city."
duplicates-reasons = { $reasons }。
duplicates-reason-names = 名前が近い（{ $likeness }）
duplicates-reason-city = 同じ都市
duplicates-reason-languages = 同じ言語
duplicates-reason-language = 共通の言語あり
duplicates-reason-ties = 共通のつながり { $common } / { $all }

## スクリプト：入力中に表示される名前の候補（static/js/suggest.js）

js-suggest-kind-migrant = 移住者
js-suggest-kind-organisation = 組織
js-suggest-kind-responder = 対応者
js-suggest-kind-city = 都市
