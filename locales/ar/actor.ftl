# الجهات الفاعلة: القائمة (/actors)، وبطاقة الجهة الفاعلة، وصفحتا الإنشاء والحذف، وأخطاء
# النماذج (قواعد النموذج بالكلمات)، والسجلات المكررة المطلوب مراجعتها (/duplicates).

## قائمة الجهات الفاعلة

actor-list-title = الجهات الفاعلة
actor-list-new = جهة فاعلة جديدة
actor-list-duplicates-link = سجلات مكررة محتملة
actor-list-find-label = البحث عن جهات فاعلة
actor-list-name-label = الاسم أو جزء منه
actor-list-any = الكل
actor-list-language-label = اللغة
actor-list-find = بحث
actor-list-error-heading = لم يُجرَ أي بحث
actor-list-unknown-language = لا توجد لغة باسم «{ $language }».
actor-list-empty = لا توجد جهة فاعلة مطابقة.
actor-list-found-label = الجهات الفاعلة التي عُثر عليها
actor-list-caption-page = الجهات الفاعلة ({ $count } في هذه الصفحة)
actor-list-caption-all = الجهات الفاعلة ({ $count })
actor-list-caption-more-page = مزيد من الجهات الفاعلة ({ $count } في هذه الصفحة)
actor-list-caption-more-all = مزيد من الجهات الفاعلة ({ $count })
actor-list-next = { $count ->
    [one] الجهة الفاعلة التالية
    [two] الجهتان الفاعلتان التاليتان
    [few] الجهات الفاعلة الـ{ $count } التالية
   *[other] الجهات الفاعلة الـ{ $count } التالية
}
actor-list-done-deleted = حُذفت مع صلاتها.
actor-list-done-erased = مُحيت: لم يبقَ لها أي أثر في relaymap.

## الأعمدة والتفاصيل (القائمة، والبطاقة، والسجلات المكررة)

actor-col-name = الاسم
actor-col-kind = النوع
actor-col-languages = اللغات
actor-col-city = المدينة
actor-col-reach = كيفية الوصول إليها
# A short column heading in narrow tables.
actor-col-reach-by = الوصول عبر

## بطاقة الجهة الفاعلة

actor-card-location = الموقع
actor-card-consent = الموافقة
# The languages, then the first one.
actor-card-languages-first = { $languages } (الأولى: { $first })
actor-card-coordinates = { $lat }؛ { $lon }
actor-card-change = تغيير البيانات
actor-card-delete-link = حذف أو محو
actor-card-save = حفظ البيانات
actor-card-created = أُنشئت. أضف صلاتها أدناه.
actor-card-saved = حُفظ.
actor-card-tie-added = أُضيفت الصلة.
actor-card-tie-removed = أُزيلت الصلة.
actor-card-reach-heading = من يستطيع الوصول إلى { $name }
actor-card-reach-none = لا يصل إليها أي مستجيب في حدود { $hops ->
    [zero] { $hops } صلة
    [one] صلة واحدة
    [two] صلتين
    [few] { $hops } صلات
   *[other] { $hops } صلة
} عبر صلات يتشارك طرفاها لغة واحدة.
# One sentence in five parts: the second and the fourth are in bold.
actor-card-reach-hint-start = لكل مستجيب:
actor-card-reach-hint-fewest = أقل عدد من الصلات
actor-card-reach-hint-middle = للوصول إلى { $name }،
actor-card-reach-hint-reliable = والمسار الأكثر موثوقية
actor-card-reach-hint-end = (أعلى حاصل ضرب للثقة على امتداده، في حدود { $hops ->
    [zero] { $hops } صلة
    [one] صلة واحدة
    [two] صلتين
    [few] { $hops } صلات
   *[other] { $hops } صلة
})، وقد يكون أطول.
actor-card-col-responder = المستجيب
actor-card-col-fewest = أقل عدد من الصلات
actor-card-col-reliability = الموثوقية
actor-card-col-path = المسار الأكثر موثوقية
actor-card-path-ties = { $count ->
    [zero] { $count } صلة:
    [one] صلة واحدة:
    [two] صلتان:
    [few] { $count } صلات:
   *[other] { $count } صلة:
}
# Between the actors of a path, in reading order.
actor-card-path-arrow = ←
actor-card-ties-heading = الصلات ({ $count })
# One sentence around three numbers in bold: "Social capital: 2 bonding, 0 bridging and 1 linking ties."
actor-card-profile-start = الصلات حسب نوع رأس المال الاجتماعي:
actor-card-profile-bonding = ترابطية،
actor-card-profile-bridging = جسرية،
actor-card-profile-linking = ربطية.
actor-card-no-ties = لا توجد صلات بعد.
actor-card-col-with = مع
actor-card-col-trust = الثقة
actor-card-col-channels = القنوات
actor-card-col-verified = تاريخ التحقق
actor-card-col-capital = رأس المال الاجتماعي
actor-card-remove = إزالة
actor-card-remove-label = إزالة الصلة مع { $name }

## إضافة صلة وإزالتها من البطاقة

actor-tie-add = إضافة صلة
actor-tie-not-added = لم تُضف الصلة
actor-tie-other-label = مع من
actor-tie-other-hint = الاسم (أو المعرّف). تُقترح الأسماء أثناء الكتابة.
actor-tie-kind-label = نوع الصلة
actor-tie-trust-hint = من 0 (لا ثقة) إلى 1 (ثقة تامة)؛ 0.5 إذا تُرك الحقل فارغًا.
actor-tie-channels-legend = القنوات التي تستخدمها الصلة
actor-tie-verified-label = آخر تحقق
actor-tie-note-label = ملاحظة
actor-tie-note-hint = ما تحتاجه خلية الأزمة فقط؛ وليس الوضع القانوني أبدًا.
actor-tie-button = إضافة الصلة
actor-tie-self = الصلة تربط بين جهتين فاعلتين مختلفتين: اختر جهة أخرى.
actor-tie-pick-kind = اختر نوع الصلة.
actor-tie-trust-not-number = الثقة رقم من 0 إلى 1، مثل 0.8.
# $tie: the tie kind in words; $rule: what it may join; $kind: the other actor's kind ("a city").
actor-tie-kind-mismatch = صلة «{ $tie }» تربط { $rule }؛ و{ $name } { $kind }.
actor-tie-remove-title = إزالة هذه الصلة؟
# "Dawit is a member of Eritrean Association. ..."
actor-tie-remove-warning = { $source } { $relation } { $target }. لن يستخدم حساب الوصول والتغطية هذه الصلة بعد الآن. لا يمكن التراجع عن ذلك: لاستعادتها، أضفها من جديد.
actor-tie-remove-button = إزالة الصلة

## حقول نموذج الجهة الفاعلة (جديدة أو معدّلة)

actor-field-languages = اللغات، اللغة الأم أولًا
# $example: two languages by name, as a list.
actor-field-languages-hint = أسماء أو رموز، تفصل بينها فواصل: { $example }
actor-field-no-city = لا شيء
actor-field-reach-legend = كيف يمكن الوصول إليها
actor-field-location-hint = (يُقرَّب موقع المهاجر إلى شبكة من 100 م)
actor-field-latitude = خط العرض
actor-field-longitude = خط الطول
actor-field-consent-hint = (للمهاجرين فقط: ما وافقوا على استخدام بياناتهم فيه)
actor-field-expires = تنتهي في
actor-field-expires-hint = (اختياري؛ ابتداءً من ذلك اليوم تُعدّ غير موجودة)
actor-field-unknown-language = لا توجد لغة باسم «{ $language }»: اكتب اسمها أو رمزها المكوّن من ثلاثة أحرف.
actor-field-location-invalid = اكتب خط العرض وخط الطول كليهما بالدرجات العشرية، أو لا تكتب أيًّا منهما.

## جهة فاعلة جديدة

actor-new-who = من هي
actor-new-create = إنشاء

## حذف جهة فاعلة أو محوها

actor-delete-title = حذف { $name } أو محوها
actor-delete-nothing = لم يُحذف شيء
# $kind: "a migrant", "an organisation"...
actor-delete-summary = { $name }: { $kind } { $ties ->
    [zero] بلا صلات
    [one] لديه صلة واحدة
    [two] لديه صلتان
    [few] لديه { $ties } صلات
   *[other] لديه { $ties } صلة
}. في الحالتين، تخرج هذه الجهة وصلاتها فورًا من الشبكة ومن كل التحليلات.
actor-delete-how = الطريقة
actor-delete-delete = حذف
# Follows "Delete" in bold.
actor-delete-delete-text = : إزالتها وإزالة صلاتها. يحتفظ سجل التدقيق بأنها حُذفت، ومن حذفها، ومتى.
actor-delete-erase = محو
# Follows "Erase" in bold.
actor-delete-erase-text = (الحق في النسيان): إزالة كل أثر لها أيضًا — من السيناريوهات المحفوظة، ومن قيود سجل التدقيق المتعلقة بها، ومن ملف قاعدة البيانات.
actor-delete-warning = لا يمكن التراجع عن ذلك. تحتفظ بها النسخ الاحتياطية السابقة إلى أن تُحذف.
actor-delete-button = حذف { $name }
actor-delete-city-members = المدينة { $id } هي مدينة { $count ->
    [zero] { $count } جهة فاعلة
    [one] جهة فاعلة واحدة
    [two] جهتين فاعلتين
    [few] { $count } جهات فاعلة
   *[other] { $count } جهة فاعلة
}؛ انقلها إلى مدينة أخرى أولًا.

## النماذج: كلمات مشتركة وأخطاء التغييرات المرفوضة

form-cancel = إلغاء
# Read out before a warning by screen readers.
form-warning-prefix = تحذير:
# Read out before an error message by screen readers.
form-error-prefix = خطأ:
form-error-summary-heading = لم يُحفظ شيء
form-error-give-other = اكتب اسم الجهة الفاعلة الأخرى أو معرّفها.
form-error-no-actor-called = لا توجد جهة فاعلة باسم «{ $name }».
# $close: the actors whose name is close, with their ids.
form-error-no-actor-exactly = لا توجد جهة فاعلة باسم «{ $name }» تمامًا؛ هل تقصد { $close }؟
form-error-several-actors = توجد عدة جهات فاعلة باسم «{ $name }»: اكتب معرّف الجهة التي تقصدها ({ $listed }).
form-error-not-in-network = { $id } ليس في الشبكة.
form-error-self-distinct = الجهة الفاعلة ليست مختلفة عن نفسها.
form-error-self-merge = لا يمكن دمج جهة فاعلة في نفسها.
# $from_kind, $into_kind: the kinds' codes; $from_a_kind, $into_a_kind: in words ("a migrant").
form-error-different-kinds = { $from } من نوع «{ $from_a_kind }» و{ $into } من نوع «{ $into_a_kind }»: لا تُدمج إلا السجلات من النوع نفسه.
form-error-city-merge = لا تُدمج المدن: انقل جهاتها الفاعلة إلى مدينة واحدة، ثم احذف الأخرى.
form-error-actor-not-found = لم يُعثر على الجهة الفاعلة { $id }.
form-error-tie-not-found = لم يُعثر على الصلة { $id }.

# What each tie kind may join.
form-tie-rule-knows = مهاجرًا بمهاجر
form-tie-rule-member-of = مهاجرًا بمنظمة
form-tie-rule-partners-with = المنظمات والمستجيبين بعضهم ببعض
form-tie-rule-serves = منظمة أو مستجيبًا بمهاجر
form-tie-rule-located-in = مهاجرًا أو منظمة أو مستجيبًا بمدينة

# The model's rules. $value: what was typed.
form-error-invalid-id = يتكون المعرّف من 1 إلى 64 حرفًا: أحرف أو أرقام أو «-» أو «_» أو «.» أو «:».
form-error-unknown-actor-kind = نوع جهة فاعلة غير معروف «{ $value }»: المتوقع migrant أو organisation أو responder أو city.
form-error-unknown-tie-kind = نوع صلة غير معروف «{ $value }»: المتوقع knows أو member_of أو partners_with أو serves أو located_in.
form-error-empty-name = يجب ألا يكون الاسم فارغًا.
form-error-invalid-name = يجب ألا يتجاوز الاسم 200 حرف وألا يحتوي على أحرف تحكم.
form-error-invisible-name = يجب أن يحتوي الاسم على حرف مرئي واحد على الأقل.
form-error-bidi-name = يجب ألا يحتوي الاسم على أحرف التحكم في الاتجاه (من U+202A إلى U+202E، ومن U+2066 إلى U+2069، وU+200E، وU+200F، وU+061C).
form-error-bidi-note = يجب ألا تحتوي الملاحظة على أحرف التحكم في الاتجاه (من U+202A إلى U+202E، ومن U+2066 إلى U+2069، وU+200E، وU+200F، وU+061C).
form-error-invalid-language = اللغة «{ $value }» ليست رمزًا وفق ISO 639-3 (ثلاثة أحرف لاتينية صغيرة، مثل tir أو ara).
# $code: the language's code; $name: its name.
form-error-duplicate-language = اللغة { $name } ({ $code }) مذكورة مرتين.
form-error-unknown-channel = قناة غير معروفة «{ $value }»: المتوقع in_person أو phone أو sms أو whatsapp أو radio أو social_media أو email.
form-error-latitude = خط العرض رقم من -90 إلى 90.
form-error-longitude = خط الطول رقم من -180 إلى 180.
form-error-half-location = يحتاج الموقع إلى خط العرض وخط الطول كليهما.
form-error-trust = يجب أن تكون الثقة أكبر من 0 ولا تتجاوز 1.
form-error-unknown-role = دور غير معروف «{ $value }»: المتوقع admin أو coordinator أو analyst أو viewer أو interviewer.
form-error-invalid-label = يتكون الوصف من 1 إلى 100 حرف، وفيه شيء مرئي، دون أحرف تحكم أو أحرف تحكم في الاتجاه.
form-error-not-a-number = «{ $value }» ليس رقمًا.
form-error-not-a-boolean = «{ $value }» ليست قيمة منطقية: استخدم true أو false.
form-error-invalid-date = «{ $value }» ليس تاريخًا: استخدم الصيغة YYYY-MM-DD.
form-error-invalid-timestamp = «{ $value }» ليس طابعًا زمنيًا وفق RFC 3339.
form-error-attributes-not-object = يجب أن تكون السمات كائن JSON.
form-error-attributes-too-large = يجب ألا تتجاوز السمات 4096 بايت بصيغة JSON.
form-error-note-too-long = يجب ألا تتجاوز الملاحظة 2000 حرف.
form-error-missing = هذا الحقل مطلوب.
form-error-self-tie = لا يمكن أن تربط الصلة جهة فاعلة بنفسها.
# $kind, $source, $target: codes; $tie, $a_source, $a_target: in words; $rule: what the kind may join.
form-error-kind-mismatch = لا يمكن لصلة «{ $tie }» أن تمتد من «{ $a_source }» إلى «{ $a_target }»: فهي تربط { $rule }.
form-error-unknown-actor = الجهة الفاعلة { $id } غير موجودة.
form-error-not-a-city = { $id } ليست مدينة.
# $kind: the kind's code; $a_kind: in words.
form-error-kind-change = الجهة الفاعلة { $id } من نوع «{ $a_kind }»؛ لا يمكن تغيير نوع جهة فاعلة (احذفها وأنشئها من جديد).
form-error-duplicate-id = المعرّف { $id } يظهر مرتين في هذا الاستيراد (أول مرة في السطر { $line }).
form-error-already-exists = { $id } موجود بالفعل.
form-error-does-not-exist = { $id } غير موجود.
# $kind: the code; $tie: in words; $other: the id of the tie already there.
form-error-twin-tie = لدى { $source } بالفعل صلة «{ $tie }» مع { $target } ({ $other }): حدّث تلك الصلة بدل إضافة صلة مطابقة.
form-error-unknown-column = عمود غير معروف «{ $value }».

## السجلات المكررة المطلوب مراجعتها

duplicates-title = السجلات المكررة
duplicates-heading = سجلات مكررة محتملة
duplicates-intro = قد تسجّل المقابلات وعمليات الاستيراد التي يجريها أشخاص مختلفون الشخصَ نفسه مرتين. هذه الأزواج متشابهة: أسماء متقاربة (حتى لو كُتبت بأبجديات مختلفة)، أو المدينة نفسها أو اللغات نفسها، أو صلات بالأشخاص أنفسهم. يحتفظ الدمج بالسجل الذي تختاره، وينقل إليه كل صلات السجل الآخر، ويضيف ما كان في السجل الآخر وحده (اللغات، والقنوات، والموقع، والمدينة)، ثم يحذف السجل الآخر؛ ولا تبقى الموافقة إلا إذا كانت في السجلين كليهما. لا يمكن التراجع عن ذلك.
duplicates-error-heading = لم يتغير شيء
duplicates-empty = لا توجد سجلات مكررة محتملة.
duplicates-pair = { $a } و{ $b }
duplicates-alike = (التشابه { $percent }٪)
duplicates-side-by-side = { $a } و{ $b } جنبًا إلى جنب
duplicates-col-record = السجل
duplicates-keep = الاحتفاظ بـ{ $name } ({ $id }) ودمج { $other } فيه
duplicates-distinct = هما شخصان مختلفان
duplicates-done-merged = دُمجا: بقي سجل واحد بكل الصلات.
duplicates-done-distinct = عُلّما على أنهما مختلفان: لن يُعرض هذا الزوج مرة أخرى.
duplicates-pair-unknown = لم يُفهم الزوج: أعد تحميل الصفحة.
# The reasons below, joined: "Similar names (0.94), same city."
duplicates-reasons = { $reasons }.
duplicates-reason-names = أسماء متقاربة ({ $likeness })
duplicates-reason-city = المدينة نفسها
duplicates-reason-languages = اللغات نفسها
duplicates-reason-language = لغة مشتركة
duplicates-reason-ties = صلات مشتركة: { $common } من { $all }

## النصوص البرمجية: الأسماء المقترحة أثناء الكتابة (static/js/suggest.js)

js-suggest-kind-migrant = مهاجر
js-suggest-kind-organisation = منظمة
js-suggest-kind-responder = مستجيب
js-suggest-kind-city = مدينة
