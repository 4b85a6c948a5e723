# ما تشترك فيه كل الصفحات بعد تسجيل الدخول (شريط التنقل، ومن سجّل الدخول)، ولوحة المتابعة،
# وعرض الشبكة، والوسطاء؛ ونصوص الخرائط وعرض الشبكة البرمجية (رسائل js-).

## The navigation bar

nav-label = الصفحات
nav-dashboard = لوحة المتابعة
nav-actors = الجهات الفاعلة
nav-map = الخريطة
nav-scenario = السيناريو
nav-activations = التفعيلات
nav-intermediaries = الوسطاء
nav-network = الشبكة
nav-import = الاستيراد
nav-interview = المقابلة
nav-research = البحث
nav-admin = الإدارة
nav-search-label = البحث عن جهة فاعلة
nav-search-field = البحث عن جهة فاعلة بالاسم
nav-search-placeholder = ابحث بالاسم
nav-search-button = بحث

## Who is signed in: the token's label, then its role

nav-role = ({ $role })
nav-role-admin = مسؤول
nav-role-coordinator = منسق
nav-role-analyst = محلل
nav-role-viewer = مُطّلع
nav-role-interviewer = مُجري مقابلات
nav-sign-out = تسجيل الخروج

## The dashboard

dashboard-heading = الشبكة في لمحة
dashboard-reachable-before = يمكن للمستجيبين الوصول إلى{" "}
dashboard-reachable-after = {" "}من المهاجرين ({ $reached } من أصل { $migrants }: في حدود 3 صلات، عبر صلات يتشارك طرفاها لغة، وبأي قناة).
dashboard-share = { $percent }%
dashboard-isolated-before = {""}
dashboard-isolated-after = {" "}{ $count ->
    [zero] مهاجر ليست لديهم أي صلة يمكن أن تنقل إليهم رسالة.
    [one] مهاجر ليست لديه أي صلة يمكن أن تنقل إليه رسالة.
    [two] مهاجران ليست لديهما أي صلة يمكن أن تنقل إليهما رسالة.
    [few] مهاجرين ليست لديهم أي صلة يمكن أن تنقل إليهم رسالة.
    [many] مهاجرًا ليست لديهم أي صلة يمكن أن تنقل إليهم رسالة.
   *[other] مهاجر ليست لديهم أي صلة يمكن أن تنقل إليهم رسالة.
}
dashboard-withheld = لا تُعرض الأعداد التي تقل عن { $threshold } («–»)، ولا أي عدد قد يكشف عنها: { $count ->
    [zero] لم تُحجب أي خلية.
    [one] حُجبت خلية واحدة.
    [two] حُجبت خليتان.
    [few] حُجبت { $count } خلايا.
    [many] حُجبت { $count } خلية.
   *[other] حُجبت { $count } خلية.
}
dashboard-count = العدد
dashboard-as-bar = على شكل شريط
dashboard-kinds-caption = الجهات الفاعلة حسب النوع
dashboard-kinds-heading = النوع
dashboard-cities-caption = المهاجرون حسب المدينة
dashboard-cities-heading = المدينة
dashboard-languages-caption = المهاجرون حسب اللغة الأولى
dashboard-languages-heading = اللغة
dashboard-no-city = بلا مدينة
dashboard-imports-label = آخر عمليات الاستيراد
dashboard-imports-caption = آخر عمليات الاستيراد (لا تُدرج عمليات التحقق التي لم تكتب شيئًا)
dashboard-imports-when = متى
dashboard-imports-by = بواسطة
dashboard-imports-outcome = النتيجة
dashboard-imports-records = السجلات
dashboard-work-heading = العمل على الشبكة
dashboard-work-find-actor = ابحث عن جهة فاعلة
dashboard-work-or-add = {" "}أو{" "}
dashboard-work-add-actor = أضف جهة جديدة
dashboard-work-scenario = شغّل سيناريو أزمة
dashboard-work-scenario-on = {" "}على{" "}
dashboard-work-scenario-map = الخريطة
dashboard-work-scenario-after = {""}
dashboard-work-intermediaries = ابحث عن وسطاء موثوقين
dashboard-work-intermediaries-after = {" "}لمجتمع أو للغة
dashboard-work-import = استورد
dashboard-work-import-or = {" "}شبكة، أو{" "}
dashboard-work-export = صدّر الشبكة كاملة
dashboard-work-export-after = {" "}(JSON)
dashboard-work-research = مقاييس الشبكة والتصديرات بأسماء مستعارة
dashboard-work-json = هذه الأعداد بصيغة JSON

## The network view

view-title = عرض الشبكة
view-intro-before = من يرتبط بمن، مرسومًا بحيث تتجمع المجموعات المتماسكة معًا. تُكتشف المجتمعات في الشبكة كلها (طريقة Louvain)، لذا يدل اللون الواحد على المجتمع نفسه أيًّا كان الجزء المعروض. تُستبعد المدن وصلات{" "}
view-intro-located-in = يقع في
view-intro-after = {" "}الخاصة بها: فهي ستجمع الجميع بعضهم إلى بعض.
view-city = المدينة
view-whole-network = الشبكة كلها
view-community-number = رقم المجتمع
view-community-all = الكل
view-colour-by = التلوين حسب
view-colour-community = المجتمع
view-colour-kind = النوع
view-show = عرض
view-laying-out = جارٍ ترتيب الشبكة…
view-graph-label = عرض الشبكة: الجهات الفاعلة نقاط والصلات خطوط؛ ويذكر سطر الحالة أعلاه الأعداد
view-actor = الجهة الفاعلة
view-click-a-dot = انقر على نقطة لمعرفة من تكون.
view-name = الاسم
view-kind = النوع
view-community = المجتمع
view-ties-shown = الصلات المعروضة
view-open-card = افتح البطاقة
view-legend = مفتاح الرموز
view-legend-hint = اختر مجتمعًا لرسمه وحده.

## The intermediaries

intermediaries-heading = الوسطاء الموثوقون
intermediaries-intro-before = منظمات وأشخاص يصل المستجيبون عبرهم إلى المهاجرين: كلٌّ منهم{" "}
intermediaries-intro-bridges = يربط
intermediaries-intro-after = {" "}مهاجرًا واحدًا على الأقل يمر أوثق مسار إليه من أحد المستجيبين عبره (في حدود 3 صلات، عبر صلات يتشارك طرفاها لغة). لمعرفة الصلات التي تُبقي وحدها مهاجرين في متناول الوصول:{" "}
intermediaries-intro-reverify = أعد التحقق أولًا
intermediaries-intro-end = .
intermediaries-columns-summary = معنى الأعمدة الأخرى
intermediaries-trust-text = متوسط الثقة (من 0 إلى 1) في صلاتهم التي يمكنها نقل رسالة.
intermediaries-betweenness-text = مدى تكرار وقوعهم على أقصر المسارات بين الآخرين.
intermediaries-betweenness-sampled = مدى تكرار وقوعهم على أقصر المسارات بين الآخرين (تقدير انطلاقًا من { $count ->
    [zero] { $count } نقطة بداية
    [one] نقطة بداية واحدة
    [two] نقطتَي بداية
    [few] { $count } نقاط بداية
    [many] { $count } نقطة بداية
   *[other] { $count } نقطة بداية
}).
intermediaries-brokerage = الحجم الفعلي والتقييد
intermediaries-brokerage-text = مقاييس الوساطة لدى Burt: للوسيط حجم فعلي كبير وتقييد منخفض.
intermediaries-filter-label = تصفية الوسطاء
intermediaries-language = اللغة التي يتحدثونها
intermediaries-city = المدينة
intermediaries-any-city = أي مدينة
intermediaries-filter = تصفية
intermediaries-nothing-looked-up = لم يُبحث عن شيء
intermediaries-unknown-language = لا توجد لغة باسم «{ $typed }»: اكتب اسمها، مثل { $example }، أو رمزها اللغوي، مثل ara.
intermediaries-none = لا يوجد وسيط مطابق.
intermediaries-showing = عرض الوسطاء من { $first } إلى { $last } من أصل { $total }.
intermediaries-count = { $count ->
    [zero] لا وسطاء.
    [one] وسيط واحد.
    [two] وسيطان.
    [few] { $count } وسطاء.
    [many] { $count } وسيطًا.
   *[other] { $count } وسيط.
}
intermediaries-col-name = الاسم
intermediaries-col-bridged = يربط
intermediaries-col-trust = متوسط الثقة
intermediaries-col-betweenness = البينية
intermediaries-col-effective-size = الحجم الفعلي
intermediaries-col-constraint = التقييد
intermediaries-col-city = المدينة
intermediaries-col-kind = النوع
intermediaries-col-languages = اللغات
intermediaries-col-channels = الوصول إليهم عبر
intermediaries-pages = صفحات الوسطاء
intermediaries-previous = الصفحة السابقة
intermediaries-next = الصفحة التالية

## Scripts: words (static/js/words.js)

js-words-list-separator = {"، "}
js-words-channel-in-person = حضوريًا
js-words-channel-phone = الهاتف
js-words-channel-sms = رسائل SMS
js-words-channel-whatsapp = واتساب
js-words-channel-radio = الراديو
js-words-channel-social-media = وسائل التواصل الاجتماعي
js-words-channel-email = البريد الإلكتروني
js-words-kind-migrant = مهاجر
js-words-kind-organisation = منظمة
js-words-kind-responder = مستجيب
js-words-kind-city = مدينة

## Scripts: the maps (static/js/network-map.js)

js-map-open-card = افتح البطاقة
js-map-legend = مفتاح الرموز: { $title }
js-map-marker = { $kind }: { $name }
js-map-library-missing = مكتبة الخرائط غير موجودة: ابنِ relaymap بعد تثبيت Node.js (npm).
js-map-answered = أجاب { $path } بالحالة { $status }
js-map-status-zero = على الخريطة { $shown } من أصل { $total } من الجهات الفاعلة (ليس للبقية موقع).
js-map-status-one = على الخريطة { $shown } من أصل { $total } من الجهات الفاعلة (ليس للبقية موقع).
js-map-status-two = على الخريطة { $shown } من أصل { $total } من الجهات الفاعلة (ليس للبقية موقع).
js-map-status-few = على الخريطة { $shown } من أصل { $total } من الجهات الفاعلة (ليس للبقية موقع).
js-map-status-many = على الخريطة { $shown } من أصل { $total } من الجهات الفاعلة (ليس للبقية موقع).
js-map-status-other = على الخريطة { $shown } من أصل { $total } من الجهات الفاعلة (ليس للبقية موقع).

## Scripts: the network view (static/js/network.js)

js-view-kind-dot = { $kind } (نقطة)
js-view-kind-diamond = { $kind } (معيّن)
js-view-community = المجتمع { $community }
js-view-community-described-zero = المجتمع { $community }: { $what } (المعروض منه: { $count })
js-view-community-described-one = المجتمع { $community }: { $what } (المعروض منه: { $count })
js-view-community-described-two = المجتمع { $community }: { $what } (المعروض منه: { $count })
js-view-community-described-few = المجتمع { $community }: { $what } (المعروض منه: { $count })
js-view-community-described-many = المجتمع { $community }: { $what } (المعروض منه: { $count })
js-view-community-described-other = المجتمع { $community }: { $what } (المعروض منه: { $count })
js-view-smaller-communities = مجتمعات أصغر
js-view-library-missing = مكتبة الرسوم البيانية غير موجودة: ابنِ relaymap بعد تثبيت Node.js (npm).
js-view-not-drawn = لم يُرسم شيء: { $reason }
js-view-load-failed = تعذّر تحميل العرض: { $reason }
js-view-status = عُرضت { $actors } و{ $ties }، والشبكة كلها تضم { $communities } (رُسمت باستخدام { $renderer } في { $seconds } ث).
js-view-status-actors-zero = { $count } جهة فاعلة
js-view-status-actors-one = جهة فاعلة واحدة
js-view-status-actors-two = جهتان فاعلتان
js-view-status-actors-few = { $count } جهات فاعلة
js-view-status-actors-many = { $count } جهة فاعلة
js-view-status-actors-other = { $count } جهة فاعلة
js-view-status-ties-zero = { $count } صلة
js-view-status-ties-one = صلة واحدة
js-view-status-ties-two = صلتان
js-view-status-ties-few = { $count } صلات
js-view-status-ties-many = { $count } صلة
js-view-status-ties-other = { $count } صلة
js-view-status-communities-zero = { $count } مجتمع
js-view-status-communities-one = مجتمع واحد
js-view-status-communities-two = مجتمعان
js-view-status-communities-few = { $count } مجتمعات
js-view-status-communities-many = { $count } مجتمعًا
js-view-status-communities-other = { $count } مجتمع
js-view-renderer-webgl = WebGL
js-view-renderer-canvas = Canvas
