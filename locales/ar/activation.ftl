# إدارة الأزمة: قائمة التفعيلات، واللوحة المباشرة للتفعيل، وورقة الاتصال المطبوعة للناقل،
# وتقرير ما بعد العملية.

## Shared words

activation-list-title = التفعيلات
activation-drill = تمرين
activation-live = فعلي
activation-state-open = جارٍ
activation-state-closed = مُغلق
activation-error-prefix = خطأ:
activation-none-yet = لا شيء بعد.
activation-nobody = لا أحد
activation-call-sheet = ورقة الاتصال
activation-col-name = الاسم
activation-col-kind = النوع
activation-col-state = الحالة
activation-col-scenario = السيناريو
activation-col-started = البدء
activation-col-contacts = الاتصالات
activation-col-languages = اللغات
activation-col-language = اللغة
activation-col-reach-by = وسيلة الوصول إليهم
activation-col-adds = يضيف
activation-col-so-far = حتى الآن
activation-col-record = تسجيل
activation-col-migrants = المهاجرون
activation-col-when = الوقت
activation-col-who = مَن
activation-col-outcome = النتيجة
activation-col-by = بواسطة
activation-col-note = ملاحظة
activation-col-after = بعد البدء
activation-col-done = تم


activation-outcome-reached = تم الوصول إليه: لديه الرسالة
activation-outcome-confirmed = تأكيد الاستلام
activation-outcome-no-answer = لا رد
activation-outcome-unavailable = غير متاح
activation-not-called-yet = لم يُتصل به بعد

## The list of activations

activation-list-intro-before = أدِر أزمة، أو تمرينًا، انطلاقًا من سيناريو محفوظ: تبيّن قائمة الاتصال مَن يجب الاتصال به أولًا؛ وتُسجَّل نتيجة كل اتصال بنقرة واحدة، وتنتقل القائمة إلى أفضل الناقلين التاليين عندما يتعذّر الوصول إلى أحد. قبل أي حدث،
activation-list-intro-link = أعد التحقق أولًا
activation-list-intro-after = من الصلات التي تُبقي وحدها المهاجرين في متناول الوصول.
activation-live-open = التفعيلات الفعلية الجارية
activation-live-relays-reached = الناقلون الذين تم الوصول إليهم (فعلي)
activation-live-migrants-confirmed = المهاجرون الذين أكّدوا الاستلام (فعلي)
activation-drills-open = التمارين الجارية
activation-start-heading = بدء تفعيل
activation-no-scenarios-before = لا يوجد سيناريو محفوظ بعد:
activation-no-scenarios-link = أعِدّ واحدًا في صفحة سيناريو الأزمة
activation-no-scenarios-after = واحفظه.
activation-name-label = الاسم
activation-name-placeholder = فيضان الميناء، 3 ديسمبر
activation-scenario-label = السيناريو المحفوظ
activation-drill-choice = تمرين (يُعلَّم بأنه تمرين في كل مكان، ولا يُحتسب أبدًا مع الأرقام الفعلية)
activation-start-button = بدء
activation-all-heading = كل التفعيلات

## An activation's board

activation-title-drill = تمرين: { $name }
activation-started-by = بدأه { $who } في { $time }.
activation-started-by-scenario = بدأه { $who } في { $time }، انطلاقًا من السيناريو «{ $scenario }».
activation-board-open = جارٍ.
activation-board-closed = أُغلق في { $time }.
activation-report-link = تقرير ما بعد العملية
activation-map-heading = أين هم
activation-map-label = خريطة: المهاجرون الذين أكّدوا الاستلام، ومن يمكن الوصول إليهم وفق الخطة، ومن يتعذّر الوصول إليهم الآن
activation-contact-heading = تسجيل اتصال بشخص آخر
activation-contact-actor-label = مَن (الاسم أو المعرّف)
activation-contact-actor-hint = مهاجر يؤكد الاستلام، أو ناقل ليس في القائمة. تُقترح الأسماء أثناء الكتابة.
activation-outcome-legend = ما النتيجة
activation-choice-confirmed = تأكيد الاستلام (مهاجر)
activation-choice-reached = تم الوصول إليه: لديه الرسالة ويمرّرها
activation-choice-no-answer = لا رد (ثلاث مرات متتالية: غير متاح)
activation-choice-unavailable = غير متاح: لا يستطيع النقل
activation-note-label = ملاحظة (اختيارية)
activation-record-button = تسجيل
activation-end-heading = إنهاؤه
activation-close-drill = إغلاق هذا التمرين
activation-close-activation = إغلاق هذا التفعيل
activation-error-outcome = اختر نتيجة الاتصال.
activation-error-already-closed = التفعيل { $id } مُغلق بالفعل.
activation-error-busy = يعدّل كثيرون التفعيل { $id } في الوقت نفسه؛ حاول مرة أخرى.

activation-drill-banner = — ليست حالة طوارئ حقيقية. تُحفظ أرقامه بمعزل عن الأرقام الفعلية.
activation-progress-relays-reached = الناقلون الذين تم الوصول إليهم
activation-progress-migrants-confirmed = المهاجرون الذين أكّدوا الاستلام
activation-progress-plan-reaches = المهاجرون الذين تصل إليهم الخطة
activation-progress-of = { $reached } من { $targets }
activation-progress-unavailable = غير المتاحين
activation-call-list-heading = قائمة الاتصال
activation-call-list-replanned = قائمة الاتصال، بعد إعادة التخطيط
activation-call-list-empty = لم يبقَ أحد للاتصال به: كل مهاجر يمكن الوصول إليه مشمول، أو لم يبقَ أي ناقل.
activation-more-relays = { $count ->
    [zero] لا ناقلين إضافيين
    [one] ناقل إضافي واحد، يضيف عددًا أقل من المهاجرين
    [two] ناقلان إضافيان، يضيف كل منهما عددًا أقل من المهاجرين
    [few] { $count } ناقلين إضافيين، يضيف كل منهم عددًا أقل من المهاجرين
    [many] { $count } ناقلًا إضافيًا، يضيف كل منهم عددًا أقل من المهاجرين
   *[other] { $count } ناقل إضافي، يضيف كل منهم عددًا أقل من المهاجرين
}
activation-more-relays-label = ناقلون آخرون للاتصال بهم
activation-kind-inside-area = { $kind }، داخل المنطقة
activation-button-reached = تم الوصول
activation-button-no-answer = لا رد
activation-button-unavailable = غير متاح
activation-button-for = { $outcome }: { $name }
activation-unreached-heading = مَن لم يُوصَل إليهم بعد، حسب اللغة الأولى
activation-replanning-heading = إعادة التخطيط
activation-change-unavailable = { $time }: { $name } غير متاح.
activation-change-call-instead = اتصل بدلًا من ذلك بـ: { $names }.
activation-change-off-list = خارج القائمة: { $names }.
activation-contacts-heading = الاتصالات، الأحدث أولًا
activation-sentence-separator = {" "}

## A relay's call sheet (printed)

activation-sheet-title = ورقة الاتصال: { $name }
activation-sheet-heading = ورقة الاتصال الخاصة بـ { $name }
activation-sheet-made = { $activation }. أُعدّت في { $time }.
activation-sheet-made-drill = { $activation } — تمرين، وليست حالة طوارئ حقيقية. أُعدّت في { $time }.
activation-sheet-relay = الناقل
activation-sheet-relay-kind = { $name } ({ $kind })
activation-sheet-pass-heading = مرّر الرسالة إلى
activation-sheet-nobody = لا أحد: وفق الخطة الحالية، لا يُوصَل إلى أحد عبر هذا الناقل.
activation-sheet-tick = ضع علامة عند الانتهاء
activation-print-button = طباعة

## The after-action report

activation-report-title = التقرير: { $name }
activation-report-crumb = التقرير
activation-report-heading = تقرير ما بعد العملية: { $name }
activation-report-summary = بدأ في { $started }؛ { $state }. { $attempts }، { $relays }، { $confirmations }؛ { $changes }.
activation-report-still-open = لا يزال جاريًا
activation-report-closed = أُغلق في { $time }
activation-report-attempts = { $count ->
    [zero] لا محاولات اتصال
    [one] محاولة اتصال واحدة
    [two] محاولتا اتصال
    [few] { $count } محاولات اتصال
    [many] { $count } محاولة اتصال
   *[other] { $count } محاولة اتصال
}
activation-report-relays = { $count ->
    [zero] لم يتم الوصول إلى أي ناقل
    [one] تم الوصول إلى ناقل واحد
    [two] تم الوصول إلى ناقلَين
    [few] تم الوصول إلى { $count } ناقلين
    [many] تم الوصول إلى { $count } ناقلًا
   *[other] تم الوصول إلى { $count } ناقل
}
activation-report-confirmations = { $count ->
    [zero] لا تأكيدات
    [one] تأكيد واحد
    [two] تأكيدان
    [few] { $count } تأكيدات
    [many] { $count } تأكيدًا
   *[other] { $count } تأكيد
}
activation-report-changes = { $count ->
    [zero] لم تتغير الخطة
    [one] تغيّرت الخطة مرة واحدة
    [two] تغيّرت الخطة مرتين
    [few] تغيّرت الخطة { $count } مرات
    [many] تغيّرت الخطة { $count } مرة
   *[other] تغيّرت الخطة { $count } مرة
}
activation-failed-heading = الناقلون المخطط لهم الذين تعذّر الاعتماد عليهم
activation-report-none = لا أحد.
activation-failed-relay = { $name }، تبيّن أنه غير متاح بعد { $after }
activation-by-language-heading = الاتصالات حسب اللغة
activation-report-no-contact = لم يُسجَّل أي اتصال.
activation-after-minutes = { $minutes } دقيقة
activation-after-hours = { $hours } ساعة و{ $minutes } دقيقة

## The ties to re-verify (src/http/pages/activations.rs)

activation-verify-never = أبدًا

## Scripts: the board kept up to date, and its map

js-activation-up-to-date = محدّثة في { $time }.
js-activation-refresh-failed = تعذّر تحديث اللوحة ({ $status })؛ جارٍ المحاولة مرة أخرى.
js-activation-offline = لا اتصال بالشبكة: ستُحدَّث اللوحة عند عودة الاتصال.
js-activation-not-recorded = لم يُسجَّل: { $reason }.
js-activation-recorded = تم التسجيل.
js-activation-no-connection = لم يُسجَّل: لا اتصال بالشبكة. حاول مرة أخرى.
js-activation-map-counts = على الخريطة: أكّدوا الاستلام: { $confirmed }، يمكن الوصول إليهم وفق الخطة: { $reachable }، يتعذّر الوصول إليهم الآن: { $unreachable } (من المهاجرين ذوي الموقع المعروف).
js-activation-map-read-failed = تعذّر على الخريطة قراءة التفعيل ({ $status }).
js-activation-map-load-failed = تعذّر تحميل الخريطة: { $error }
js-activation-legend-title = التفعيل
js-activation-legend-confirmed = تأكيد الاستلام
js-activation-legend-reachable = يمكن الوصول إليه وفق الخطة
js-activation-legend-unreachable = يتعذّر الوصول إليه الآن (حلقة مفرغة)
