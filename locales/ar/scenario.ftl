# خريطة الشبكة (/map) وسيناريو الأزمة (/scenario) والصلات التي يُعاد التحقق منها أولًا
# (/verification)؛ ونصوصها البرمجية: static/js/map.js وscenario.js وcascade.js.
# الرسائل التي يبدأ معرّفها بـ js- تستخدمها النصوص البرمجية؛ وتملأ النصوص قيمها ({ $name })؛
# لا محددات فيها (يختار العدد id-zero وid-one وid-two وid-few وid-many وid-other).

## خريطة الشبكة

map-page-title = الخريطة
map-title = خريطة الشبكة
map-show = عرض
map-ties = الصلات
map-only = فقط
map-language = اللغة
map-city = المدينة
map-city-any = أي مدينة
map-ties-over = الصلات عبر
map-any-channel = أي قناة
map-trust-at-least = صلات لا تقل ثقتها عن
map-label = خريطة الجهات الفاعلة في الشبكة
map-loading = جارٍ تحميل الشبكة…

js-map-legend-title = الجهات الفاعلة
js-map-legend-cluster = عدة جهات فاعلة متقاربة (عددها)
js-map-legend-tie = صلة (عند التحديد)
js-map-legend-district = حي، مع اسمه
js-map-loading-ties = جارٍ تحميل الصلات…
js-map-ties-too-many-zero = الصلات الظاهرة ({ $count }) أكثر من أن تُقرأ: كبّر الخريطة، أو ضيّق عوامل التصفية، أو افتح جهة فاعلة لرؤية صلاتها.
js-map-ties-too-many-one = الصلات الظاهرة ({ $count }) أكثر من أن تُقرأ: كبّر الخريطة، أو ضيّق عوامل التصفية، أو افتح جهة فاعلة لرؤية صلاتها.
js-map-ties-too-many-two = الصلات الظاهرة ({ $count }) أكثر من أن تُقرأ: كبّر الخريطة، أو ضيّق عوامل التصفية، أو افتح جهة فاعلة لرؤية صلاتها.
js-map-ties-too-many-few = الصلات الظاهرة ({ $count }) أكثر من أن تُقرأ: كبّر الخريطة، أو ضيّق عوامل التصفية، أو افتح جهة فاعلة لرؤية صلاتها.
js-map-ties-too-many-many = الصلات الظاهرة ({ $count }) أكثر من أن تُقرأ: كبّر الخريطة، أو ضيّق عوامل التصفية، أو افتح جهة فاعلة لرؤية صلاتها.
js-map-ties-too-many-other = الصلات الظاهرة ({ $count }) أكثر من أن تُقرأ: كبّر الخريطة، أو ضيّق عوامل التصفية، أو افتح جهة فاعلة لرؤية صلاتها.
js-map-ties-drawn-zero = لم تُرسم أي صلة.
js-map-ties-drawn-one = رُسمت صلة واحدة.
js-map-ties-drawn-two = رُسمت صلتان.
js-map-ties-drawn-few = رُسمت { $count } صلات.
js-map-ties-drawn-many = رُسمت { $count } صلة.
js-map-ties-drawn-other = رُسمت { $count } صلة.
js-map-ties-hidden-zero = الصلات المرسومة: { $drawn }.
js-map-ties-hidden-one = الصلات المرسومة: { $drawn }؛ كبّر الخريطة لرؤية الصلة الأخرى (طرفاها مجمّعان أو خارج العرض).
js-map-ties-hidden-two = الصلات المرسومة: { $drawn }؛ كبّر الخريطة لرؤية الصلتين الأخريين (أطرافهما مجمّعة أو خارج العرض).
js-map-ties-hidden-few = الصلات المرسومة: { $drawn }؛ كبّر الخريطة لرؤية { $count } صلات أخرى (أطرافها مجمّعة أو خارج العرض).
js-map-ties-hidden-many = الصلات المرسومة: { $drawn }؛ كبّر الخريطة لرؤية { $count } صلة أخرى (أطرافها مجمّعة أو خارج العرض).
js-map-ties-hidden-other = الصلات المرسومة: { $drawn }؛ كبّر الخريطة لرؤية { $count } صلة أخرى (أطرافها مجمّعة أو خارج العرض).
js-map-shown-zero = لا تُعرض أي جهة فاعلة.
js-map-shown-one = تُعرض جهة فاعلة واحدة.
js-map-shown-two = تُعرض جهتان فاعلتان.
js-map-shown-few = تُعرض { $count } جهات فاعلة.
js-map-shown-many = تُعرض { $count } جهة فاعلة.
js-map-shown-other = تُعرض { $count } جهة فاعلة.
js-map-could-not-load = تعذّر تحميل الخريطة: { $error }

## سيناريو الأزمة

scenario-title = سيناريو أزمة
scenario-intro = ارسم المنطقة المتضررة على الخريطة أو حمّلها من ملف GeoJSON، واختر ما زال يعمل، ثم شغّل السيناريو: من من المهاجرين داخلها يستطيع المستجيبون الوصول إليه، وعبر من، ومن يبقى معزولًا؟
scenario-map-label = الخريطة: ارسم المنطقة المتضررة
scenario-area = المنطقة المتضررة
scenario-draw-start = ارسم المنطقة
scenario-draw-undo = تراجع عن آخر زاوية
scenario-draw-finish = إنهاء المنطقة
scenario-draw-cancel = إلغاء الرسم
scenario-area-clear = مسح المنطقة
scenario-area-file = …أو حمّلها من ملف GeoJSON
scenario-no-area-yet = لا منطقة بعد: يُحتسب كل المهاجرين.
scenario-channels = القنوات التي ما زالت تعمل (إن لم تحدد شيئًا: كلها)
scenario-max-hops = الصلات انطلاقًا من مستجيب، بحد أقصى
scenario-min-trust = ثقة كل صلة، بحد أدنى (0–1)
scenario-language-check = يتشارك طرفا كل صلة لغةً
scenario-exclude = غير المتاحين (منظمة أو مستجيب لا يستطيع التحرك)
scenario-exclude-add = إضافة
scenario-run = تشغيل السيناريو
scenario-running = جارٍ تشغيل السيناريو
scenario-saved = السيناريوهات المحفوظة
scenario-saved-pick = سيناريو محفوظ
scenario-load = تحميل وتشغيل
scenario-delete = حذف
scenario-save-as = احفظ هذا السيناريو باسم
scenario-name-placeholder = فيضان الميناء
scenario-save = حفظ
scenario-results = النتائج
scenario-download-csv = تنزيل CSV
scenario-download-geojson = تنزيل GeoJSON
scenario-print = طباعة للوحة الحائط
scenario-conditions = الشروط
scenario-call-list = قائمة الاتصال: بمن يتصل المستجيبون أولًا
scenario-failures = نقاط الإخفاق المنفردة: إن لم يستطيعوا التحرك، عُزل آخرون
scenario-by-language = المعزولون، حسب اللغة الأولى
scenario-cut-off = المعزولون: تواصل معهم بطريقة أخرى
scenario-col-name = الاسم
scenario-col-kind = النوع
scenario-col-languages = اللغات
scenario-col-reach-by = الوصول إليهم عبر
scenario-col-adds = يضيف
scenario-col-in-area = في المنطقة
scenario-col-cuts-off = يعزل
scenario-col-language = اللغة
scenario-col-migrants = المهاجرون
scenario-col-reliability = الموثوقية
scenario-col-fewest-ties = أقل عدد من الصلات
scenario-col-path = المسار الأكثر موثوقية
scenario-cascade = كم تستغرق الرسالة لتنتشر
scenario-cascade-hint = محاكاة: ينقل كل زوج من الجهات الفاعلة الرسالة بحسب ثقة الصلة بينهما، بعد مهلة أسرع قناة ما زالت تعمل لديهما (حضوريًا ساعتان، الهاتف 15 دقيقة، رسائل SMS ‏30 دقيقة، واتساب 15 دقيقة، الراديو ووسائل التواصل الاجتماعي ساعة، البريد الإلكتروني 4 ساعات). 1000 تشغيل؛ يضم الشريط تسعة تشغيلات من كل عشرة.
scenario-simulate = محاكاة الانتشار
scenario-cascade-caption = المهاجرون الذين جرى الوصول إليهم عند كل ساعة: الخط هو المتوسط عبر التشغيلات، والشريط من المئين الخامس إلى المئين الخامس والتسعين.
scenario-col-by-hour = عند الساعة
scenario-col-mean = جرى الوصول إليهم، المتوسط
scenario-col-p5 = المئين الخامس
scenario-col-p95 = المئين الخامس والتسعون
scenario-reached = من جرى الوصول إليهم، الأضعف مسارًا أولًا
scenario-reached-hint = انتقل إلى اسم (بالمفتاح Tab، أو المسه) لترى المسار على الخريطة.

js-scenario-headline-zero = المهاجرون الذين جرى الوصول إليهم: { $reached } من { $targets } ({ $coverage })؛ المعزولون: { $unreached }.
js-scenario-headline-one = المهاجرون الذين جرى الوصول إليهم: { $reached } من { $targets } ({ $coverage })؛ المعزولون: { $unreached }.
js-scenario-headline-two = المهاجرون الذين جرى الوصول إليهم: { $reached } من { $targets } ({ $coverage })؛ المعزولون: { $unreached }.
js-scenario-headline-few = المهاجرون الذين جرى الوصول إليهم: { $reached } من { $targets } ({ $coverage })؛ المعزولون: { $unreached }.
js-scenario-headline-many = المهاجرون الذين جرى الوصول إليهم: { $reached } من { $targets } ({ $coverage })؛ المعزولون: { $unreached }.
js-scenario-headline-other = المهاجرون الذين جرى الوصول إليهم: { $reached } من { $targets } ({ $coverage })؛ المعزولون: { $unreached }.
js-scenario-percent = { $value }٪
js-scenario-printed = relaymap · سيناريو أزمة، طُبع في { $when }
js-scenario-list-separator = {"، "}
# The path reads right to left: the arrow points that way.
js-scenario-path-separator = {" ← "}
js-scenario-legend-title = السيناريو
js-scenario-legend-responder = مستجيب
js-scenario-legend-organisation = منظمة
js-scenario-legend-reached = جرى الوصول إليه: من مسار ضعيف (داكن) إلى موثوق (أصفر)
js-scenario-legend-cut-off = معزول (حلقة مجوّفة)
js-scenario-legend-outside = خارج المنطقة، أو لم يُشغَّل بعد
js-scenario-legend-area = المنطقة المتضررة
js-scenario-legend-path = مسار التناقل (المس مهاجرًا جرى الوصول إليه)
js-scenario-no-area-yet = لا منطقة بعد: يُحتسب كل المهاجرين.
js-scenario-no-area = لا منطقة: يُحتسب كل المهاجرين.
js-scenario-area-set = حُددت المنطقة ({ $how }): لا يُحتسب إلا المهاجرون داخلها.
js-scenario-area-drawn-zero = مرسومة، بلا زوايا
js-scenario-area-drawn-one = مرسومة، زاوية واحدة
js-scenario-area-drawn-two = مرسومة، زاويتان
js-scenario-area-drawn-few = مرسومة، { $count } زوايا
js-scenario-area-drawn-many = مرسومة، { $count } زاوية
js-scenario-area-drawn-other = مرسومة، { $count } زاوية
js-scenario-area-from-file = من الملف { $file }
js-scenario-area-saved-with = محفوظة مع «{ $name }»
js-scenario-corners-more-zero = لا زوايا بعد: انقر على الخريطة عند كل زاوية من زوايا المنطقة المتضررة.
js-scenario-corners-more-one = زاوية واحدة: انقر على الخريطة عند كل زاوية من زوايا المنطقة المتضررة.
js-scenario-corners-more-two = زاويتان: انقر على الخريطة عند كل زاوية من زوايا المنطقة المتضررة.
js-scenario-corners-more-few = { $count } زوايا: انقر على الخريطة عند كل زاوية من زوايا المنطقة المتضررة.
js-scenario-corners-more-many = { $count } زاوية: انقر على الخريطة عند كل زاوية من زوايا المنطقة المتضررة.
js-scenario-corners-more-other = { $count } زاوية: انقر على الخريطة عند كل زاوية من زوايا المنطقة المتضررة.
js-scenario-corners-finish-zero = لا زوايا: اضغط «إنهاء المنطقة» حين تنغلق المنطقة.
js-scenario-corners-finish-one = زاوية واحدة: اضغط «إنهاء المنطقة» حين تنغلق المنطقة.
js-scenario-corners-finish-two = زاويتان: اضغط «إنهاء المنطقة» حين تنغلق المنطقة.
js-scenario-corners-finish-few = { $count } زوايا: اضغط «إنهاء المنطقة» حين تنغلق المنطقة.
js-scenario-corners-finish-many = { $count } زاوية: اضغط «إنهاء المنطقة» حين تنغلق المنطقة.
js-scenario-corners-finish-other = { $count } زاوية: اضغط «إنهاء المنطقة» حين تنغلق المنطقة.
js-scenario-cancelled-kept = أُلغي الرسم؛ تبقى المنطقة كما كانت.
js-scenario-cancelled-none = أُلغي الرسم: لا منطقة، يُحتسب كل المهاجرين.
js-scenario-not-geojson = هذا الملف ليس GeoJSON: { $error }
js-scenario-more-zero = لا شيء آخر في ملف CSV وعلى الورقة المطبوعة.
js-scenario-more-one = صف آخر في ملف CSV وعلى الورقة المطبوعة.
js-scenario-more-two = صفان آخران في ملف CSV وعلى الورقة المطبوعة.
js-scenario-more-few = { $count } صفوف أخرى في ملف CSV وعلى الورقة المطبوعة.
js-scenario-more-many = { $count } صفًا آخر في ملف CSV وعلى الورقة المطبوعة.
js-scenario-more-other = { $count } صف آخر في ملف CSV وعلى الورقة المطبوعة.
js-scenario-path-zero = المسار إلى { $name }: { $path } (الموثوقية { $reliability }، بلا صلات).
js-scenario-path-one = المسار إلى { $name }: { $path } (الموثوقية { $reliability }، صلة واحدة).
js-scenario-path-two = المسار إلى { $name }: { $path } (الموثوقية { $reliability }، صلتان).
js-scenario-path-few = المسار إلى { $name }: { $path } (الموثوقية { $reliability }، { $count } صلات).
js-scenario-path-many = المسار إلى { $name }: { $path } (الموثوقية { $reliability }، { $count } صلة).
js-scenario-path-other = المسار إلى { $name }: { $path } (الموثوقية { $reliability }، { $count } صلة).
js-scenario-cond-run-at = وقت التشغيل
js-scenario-cond-area = المنطقة المتضررة
js-scenario-cond-area-drawn = مرسومة على الخريطة
js-scenario-cond-area-none = لا شيء: الشبكة كلها
js-scenario-cond-channels = القنوات التي ما زالت تعمل
js-scenario-cond-all-channels = كل القنوات
js-scenario-cond-hops = الصلات انطلاقًا من مستجيب
js-scenario-cond-at-most = { $count } بحد أقصى
js-scenario-cond-trust = ثقة كل صلة
js-scenario-cond-at-least = { $value } بحد أدنى
js-scenario-cond-language = لغة مشتركة
js-scenario-cond-language-shared = يتشارك طرفا كل صلة لغةً
js-scenario-cond-language-not-required = غير مطلوبة
js-scenario-cond-unavailable = غير المتاحين
js-scenario-cond-nobody = لا أحد
js-scenario-yes = نعم
js-scenario-no = لا
js-scenario-remove = إزالة
js-scenario-remove-label = إزالة { $name } من غير المتاحين
js-scenario-several-called = توجد عدة جهات فاعلة باسم «{ $name }»: اكتب معرّف الجهة التي تقصدها.
js-scenario-none-called = لا توجد جهة فاعلة باسم «{ $name }».
js-scenario-csv-failed = تعذّر إنشاء ملف CSV: { $status }
js-scenario-saved-option = { $name } ({ $by }، { $date })
js-scenario-name-first = أعطِ السيناريو اسمًا أولًا.
js-scenario-saved-as = حُفظ باسم «{ $name }».
js-scenario-not-saved = لم يُحفظ: { $error }
js-scenario-choose-first = اختر سيناريو محفوظًا أولًا.
js-scenario-delete-confirm = حذف السيناريو المحفوظ «{ $name }»؟ لا يمكن التراجع عن ذلك.
js-scenario-deleted = حُذف «{ $name }».
js-scenario-not-deleted = لم يُحذف: { $status }
js-scenario-running = جارٍ التشغيل…
js-scenario-running-for = جارٍ التشغيل… { $seconds } ث
js-scenario-refused = مرفوض: { $error }
js-scenario-done = انتهى في { $seconds } ث. المس مهاجرًا جرى الوصول إليه، أو تنقّل في قائمة من جرى الوصول إليهم أدناه، لترى مسار التناقل.
js-scenario-could-not-run = تعذّر تشغيل السيناريو: { $error }

## محاكاة الانتشار (صفحة السيناريو)

js-cascade-hours = { $hours } س
js-cascade-run-first = شغّل السيناريو أولًا.
js-cascade-simulating = جارٍ تنفيذ { $runs } تشغيل للمحاكاة…
js-cascade-result-zero = بعد { $hours } س، المهاجرون الذين جرى الوصول إليهم في المتوسط: { $mean } من { $targets } (من { $low } إلى { $high } في تسعة تشغيلات من كل عشرة)؛ { $never }٪ لم يُوصل إليهم في أي تشغيل.
js-cascade-result-one = بعد { $hours } س، المهاجرون الذين جرى الوصول إليهم في المتوسط: { $mean } من { $targets } (من { $low } إلى { $high } في تسعة تشغيلات من كل عشرة)؛ { $never }٪ لم يُوصل إليهم في أي تشغيل.
js-cascade-result-two = بعد { $hours } س، المهاجرون الذين جرى الوصول إليهم في المتوسط: { $mean } من { $targets } (من { $low } إلى { $high } في تسعة تشغيلات من كل عشرة)؛ { $never }٪ لم يُوصل إليهم في أي تشغيل.
js-cascade-result-few = بعد { $hours } س، المهاجرون الذين جرى الوصول إليهم في المتوسط: { $mean } من { $targets } (من { $low } إلى { $high } في تسعة تشغيلات من كل عشرة)؛ { $never }٪ لم يُوصل إليهم في أي تشغيل.
js-cascade-result-many = بعد { $hours } س، المهاجرون الذين جرى الوصول إليهم في المتوسط: { $mean } من { $targets } (من { $low } إلى { $high } في تسعة تشغيلات من كل عشرة)؛ { $never }٪ لم يُوصل إليهم في أي تشغيل.
js-cascade-result-other = بعد { $hours } س، المهاجرون الذين جرى الوصول إليهم في المتوسط: { $mean } من { $targets } (من { $low } إلى { $high } في تسعة تشغيلات من كل عشرة)؛ { $never }٪ لم يُوصل إليهم في أي تشغيل.
js-cascade-could-not-run = تعذّر تشغيل المحاكاة: { $error }

## إعادة التحقق أولًا (/verification)

verification-title = أعد التحقق أولًا
verification-intro = الصلات التي لو انقطعت لأبقت وحدها مهاجرين خارج متناول المستجيبين (ضمن ثلاث صلات، عبر صلات يتشارك طرفاها لغةً): تحقق منها أولًا، وابدأ بالتي لم يُتحقق منها قط أو التي مضى على آخر تحقق منها أطول وقت.
verification-empty = لا توجد صلة وحدها يتوقف عليها أحد: لكل مهاجر جرى الوصول إليه طريق آخر.
verification-caption-first = أول { $shown } صلة من أصل { $total }
verification-caption-all = { $count ->
    [zero] لا صلات
    [one] صلة واحدة
    [two] صلتان
    [few] { $count } صلات
    [many] { $count } صلة
   *[other] { $count } صلة
}
verification-col-between = بين
verification-col-and = و
verification-col-cut-off = سيعزل
verification-col-last-verified = آخر تحقق
