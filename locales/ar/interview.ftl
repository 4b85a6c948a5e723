# المقابلة الميدانية (templates/pages/interview.html وstatic/js/interview.js وservice worker)
# وقائمة المقابلات المستلمة (templates/pages/interviews.html).
# تتحدث الواجهة بلغة من يجري المقابلة؛ أما الأسئلة فتأتي من البروتوكول بلغة المقابلة.

## صفحة المقابلة

interview-title = مقابلة
interview-outbox-heading = المقابلات على هذا الهاتف
interview-outbox-looking = جارٍ البحث عن مقابلات تنتظر الإرسال…
interview-send-now = أرسل الآن
interview-noscript = تعمل المقابلة في المتصفح كي تعمل دون اتصال: فعّل JavaScript.
interview-loading = جارٍ تحميل الأسئلة…
interview-back = رجوع
interview-next = التالي
interview-link-received = المقابلات المستلمة
interview-link-duplicates = التكرارات المحتملة
interview-offline = لا يوجد اتصال، ولم تُفتح هذه الصفحة هنا من قبل مع وجود اتصال.

## قائمة المقابلات المستلمة

interview-list-title = المقابلات المستلمة
interview-list-breadcrumb-interview = مقابلة
interview-list-intro = آخر { $count } مقابلة، الأحدث أولًا. سجّلت كل منها الشخص الذي أُجريت معه المقابلة (مع الموافقة التي أعطاها)، والأشخاص الذين ذكرهم، وصلة لكل إجابة؛ أما الإجابات نفسها فتُحفظ مع المقابلة{" ("}
interview-list-intro-duplicates = {"). "}يظهر الأشخاص الذين ذُكروا مرتين في مقابلات مختلفة ضمن{" "}
interview-list-intro-duplicates-link = التكرارات المحتملة
interview-list-intro-end = .
interview-list-empty = لا توجد مقابلات بعد.
interview-list-held-on = التاريخ
interview-list-person = الشخص الذي أُجريت معه المقابلة
interview-list-language = اللغة
interview-list-named = الأشخاص المذكورون
interview-list-sent-by = أرسلها

## البرنامج النصي: المقابلة، شاشة بعد شاشة

js-interview-title = مقابلة
js-interview-channel-in-person = حضوريًا
js-interview-channel-phone = مكالمة هاتفية
js-interview-channel-sms = رسالة نصية
js-interview-channel-whatsapp = واتساب
js-interview-channel-radio = إذاعة
js-interview-channel-social-media = وسائل التواصل الاجتماعي
js-interview-channel-email = بريد إلكتروني
js-interview-kind-migrant = شخص
js-interview-kind-organisation = مجموعة أو منظمة
js-interview-kind-responder = مكتب أو جهة خدمة
js-interview-list-separator = {"، "}

js-interview-outbox-all-sent = أُرسلت كل المقابلات.
js-interview-outbox-waiting-zero = لا توجد مقابلات تنتظر الإرسال.
js-interview-outbox-waiting-one = مقابلة واحدة تنتظر الإرسال. وهي محفوظة على هذا الهاتف وستُرسل عند عودة الاتصال.
js-interview-outbox-waiting-two = مقابلتان تنتظران الإرسال. وهما محفوظتان على هذا الهاتف وستُرسلان عند عودة الاتصال.
js-interview-outbox-waiting-few = { $count } مقابلات تنتظر الإرسال. وهي محفوظة على هذا الهاتف وستُرسل عند عودة الاتصال.
js-interview-outbox-waiting-many = { $count } مقابلة تنتظر الإرسال. وهي محفوظة على هذا الهاتف وستُرسل عند عودة الاتصال.
js-interview-outbox-waiting-other = { $count } مقابلة تنتظر الإرسال. وهي محفوظة على هذا الهاتف وستُرسل عند عودة الاتصال.
js-interview-outbox-refused = لا شيء ينتظر الإرسال؛ رفض الخادم ما هو مذكور أدناه.
js-interview-item = { $name } ({ $day }): { $state }
js-interview-item-waiting = في الانتظار
js-interview-item-refused = مرفوضة – { $reason }
js-interview-item-sign-in-again = سجّل الدخول مرة أخرى لإرسالها.
js-interview-refused-status = رفضها الخادم ({ $status }).
js-interview-discard = تجاهلها
js-interview-discard-confirm = هل تريد تجاهل هذه المقابلة؟ ستضيع إجاباتها.

js-interview-step = الخطوة { $step } من { $steps }
js-interview-next = التالي
js-interview-send = أرسل المقابلة
js-interview-new-title = مقابلة جديدة
js-interview-language-intro = اختر اللغة التي ستجري بها المقابلة: تظهر الأسئلة بها، ومعها العربية أدناه.
js-interview-language-label = لغة المقابلة
js-interview-consent-hint = اقرأه على الشخص، أو دعه يقرؤه. ضع علامة على ما يوافق عليه فقط: كل بند على حدة.
js-interview-consent-legend = يوافق على
js-interview-consent-none = دون موافقة على استخدام واحد على الأقل لا يُسجَّل شيء: أنهِ المقابلة هنا.
js-interview-recorded = سُجّلت في { $day } بواسطة { $by }.
js-interview-ego-title = من الشخص الذي تُجرى معه المقابلة؟
js-interview-ego-chosen = المختار: { $name }
js-interview-ego-change = اختر شخصًا آخر
js-interview-ego-languages = اللغات التي يتحدثها (اللغة الأولى أولًا)
js-interview-ego-city = مكان السكن
js-interview-ego-city-unsaid = لم يُذكر
js-interview-ego-channels = كيف يمكن الوصول إليه
js-interview-ego-missing = ابحث عن الشخص في السجل، أو اكتب اسمه لإضافته.
js-interview-languages-unreadable = اكتب اللغات كما في القائمة، أو برموزها المكونة من ثلاثة أحرف، مفصولة بفواصل.
js-interview-roster-label = ابحث عن شخص معروف
js-interview-roster-hint = اكتب حرفين أو أكثر من الاسم.
js-interview-roster-offline = يحتاج السجل إلى الاتصال: أضفه شخصًا جديدًا (يمكن دمج التكرارات لاحقًا).
js-interview-roster-nobody = لا أحد معروف بهذا الاسم: أضفه شخصًا جديدًا.
js-interview-roster-alike = قد يكون هو نفسه { $names }: اسأل أيهم.
js-interview-new-person = أو أضف شخصًا جديدًا
js-interview-name = الاسم
js-interview-who-they-are = من هو
js-interview-named-here = المذكورون هنا
js-interview-named-none = لم يُذكر أحد بعد
js-interview-named-already = شخص ذكره من قبل
js-interview-named-is-ego = هذا هو الشخص الذي تُجرى معه المقابلة.
js-interview-add = أضفه
js-interview-name-first = اكتب اسمه أولًا.
js-interview-remove = إزالة
js-interview-about = عن { $name }
js-interview-sociogram-too-few = ذُكر أقل من شخصين: لا أحد للربط بينهم.
js-interview-sociogram-hint = المس شخصًا، ثم شخصًا آخر يعرفه. اختياري.

js-interview-summary-title = راجع قبل الإرسال
js-interview-summary-language = اللغة
js-interview-summary-consent = الموافقة
js-interview-summary-person = الشخص الذي أُجريت معه المقابلة
js-interview-summary-new = { $name } (جديد)
js-interview-summary-named-zero = لم يُذكر أي شخص
js-interview-summary-named-one = شخص واحد مذكور
js-interview-summary-named-two = شخصان مذكوران
js-interview-summary-named-few = { $count } أشخاص مذكورين
js-interview-summary-named-many = { $count } شخصًا مذكورًا
js-interview-summary-named-other = { $count } شخص مذكور
js-interview-summary-answers = { $name }: { $questions }
js-interview-summary-trust = الثقة { $trust }/5
js-interview-summary-links-zero = لا صلات بين الأشخاص المذكورين.
js-interview-summary-links-one = صلة واحدة بين الأشخاص المذكورين.
js-interview-summary-links-two = صلتان بين الأشخاص المذكورين.
js-interview-summary-links-few = { $count } صلات بين الأشخاص المذكورين.
js-interview-summary-links-many = { $count } صلة بين الأشخاص المذكورين.
js-interview-summary-links-other = { $count } صلة بين الأشخاص المذكورين.

js-interview-saved = حُفظت المقابلة
js-interview-done-sending = محفوظة على هذا الهاتف؛ جارٍ إرسالها الآن.
js-interview-done-sent = أُرسلت: وصلت إلى الشبكة.
js-interview-done-kept = محفوظة على هذا الهاتف: ستُرسل فور عودة الاتصال.
js-interview-another = ابدأ مقابلة أخرى
js-interview-protocol-unavailable = تعذّر تحميل الأسئلة: افتح هذه الصفحة مرة واحدة مع وجود اتصال.
