# The research, import and administration pages.

## The research page (templates/pages/research.html, src/http/pages/research.rs)

research-title = البحث
research-heading = الشبكة بالأرقام
# Split around the link to the summary as JSON.
research-intro-before = مخطط التناقل: المهاجرون والمنظمات والمستجيبون، مع كل صلة يمكنها نقل رسالة (تعريفات NetworkX؛
research-intro-link = بصيغة JSON
research-intro-after = ).
research-suppressed = تُستبعد من التفصيلات المجموعات التي تضم أقل من خمس جهات فاعلة ({ $count ->
    [zero] لم تُحجب أي مجموعة
    [one] حُجبت مجموعة واحدة
    [two] حُجبت مجموعتان
    [few] حُجبت { $count } مجموعات
    [many] حُجبت { $count } مجموعة
   *[other] حُجبت { $count } مجموعة
}).
research-summary = ملخص
research-actors = الجهات الفاعلة
research-ties = الصلات
research-density = الكثافة
research-components = المكونات المترابطة
research-largest = في أكبرها
research-clustering = متوسط التجمّع
research-transitivity = التعدّي
research-communities = المجتمعات (Louvain)
research-modularity = النمطية
# A percentage; $percent is already written as the language writes numbers.
research-percent = { $percent }٪
research-degree-caption = الجهات الفاعلة حسب عدد الصلات (الدرجة)
research-degree-label = الجهات الفاعلة حسب الدرجة
research-capital-heading = رأس المال الاجتماعي
research-capital-shares = من بين كل أطراف الصلات: { $bonding } ترابطي، و{ $bridging } جسري، و{ $linking } ربطي.
research-tie-types-caption = أنواع الصلات حسب اللغة الأولى: نسبة الصلات الترابطية (النوع واللغة نفسهما) والجسرية (بين لغات أو أنواع مختلفة) والربطية (مع المستجيبين) بين أطراف صلات كل مجموعة
research-tie-types-label = أنواع الصلات حسب اللغة الأولى؛ يعرض الجدول أدناه الأرقام نفسها
# A segment's tooltip in the tie-types chart.
research-bar-title = { $language }: { $percent }
# After a language's three shares in the tie-types chart.
research-tie-ends = ({ $count ->
    [zero] لا أطراف صلات
    [one] طرف صلة واحد
    [two] طرفا صلة
    [few] { $count } أطراف صلات
    [many] { $count } طرف صلة
   *[other] { $count } طرف صلة
})
research-legend-bonding = ترابطي – يسار
research-legend-bridging = جسري – وسط
research-legend-linking = ربطي – يمين
research-bonding = ترابطي
research-bridging = جسري
research-linking = ربطي
research-by-city = حسب المدينة
research-city = المدينة
research-by-language = حسب اللغة الأولى
research-language = اللغة
research-downloads = التنزيلات
research-downloads-personal = الشبكة كاملة، دون المهاجرين الذين لم يمنحوا موافقتهم؛ أضف أسماء مستعارة لمشاركتها مع الباحثين.
research-downloads-pseudonymised = بأسماء مستعارة: المعرّفات أسماء مستعارة بمفتاح، والمواقع شبكة بخلايا 1 كم، دون أسماء أو جهات اتصال.
# Links after a download's format (csv · with metrics · pseudonymised).
research-with-metrics = مع المقاييس
research-pseudonymised = بأسماء مستعارة
research-metrics-csv = مقاييس كل جهة فاعلة (CSV)

## The import page (templates/pages/import.html, static/js/import.js)

import-title = الاستيراد
# Split around the link to the export.
import-intro-before = أضف جهات فاعلة وصلات أو حدّثها من ملفات CSV (جهات فاعلة أو صلات أو كلتيهما)، أو من ملف واحد لشبكة: مستند JSON أو ملف zip بصيغة CSV الذي يكتبه
import-intro-link = التصدير
import-intro-after = أو ملف مخطط بصيغة GraphML أو GEXF أو node-link JSON (من relaymap أو NetworkX أو Gephi أو igraph)، أو تصدير من Network Canvas يُقرأ عبر مخطط ربط محفوظ. تُفحص الملفات أولًا مقابل الشبكة دون كتابة أي شيء: يُدرج أدناه كل صف خاطئ، أو ما سيكتبه الاستيراد لتؤكده. الاستيراد يتم كله أو لا يتم شيء منه.
# Split around "HXL" (a link), followed by the two templates' file names.
import-templates-before = ابدأ من القوالب، مع صف
import-templates-after = الخاص بها:
import-files-legend = الملفات
import-actors-label = الجهات الفاعلة (CSV)
import-ties-label = الصلات (CSV)
import-document-label = …أو بدلًا من ذلك ملف واحد للشبكة كلها (JSON أو GraphML أو GEXF أو node-link JSON أو zip بصيغة CSV)
# Split around two commands: relaymap import --graph FILE --mapping mapping.json, PUT /api/v1/mappings/NAME.
import-no-mapping-before = يُقرأ تصدير Network Canvas عبر مخطط الربط الخاص بدراسته. لا يوجد مخطط ربط محفوظ بعد: احفظ واحدًا باستخدام
import-no-mapping-or = أو
import-no-mapping-after = (graph-schema/README.md، «Network Canvas»).
import-mapping-label = يُقرأ تصدير Network Canvas (ملف GraphML أو zip الخاص به) عبر مخطط الربط الخاص بدراسته
import-mapping-none = ليس تصديرًا من Network Canvas
import-check-button = افحص الملفات
import-progress-label = الرفع
import-confirm-button = استورد الآن
import-errors-label = ما وجده الاستيراد من أخطاء
import-errors-caption = صفوف يجب تصحيحها: لم يُكتب شيء
import-col-file = الملف
import-col-line = السطر
import-col-field = الحقل
import-col-problem = المشكلة

# The import page's script. The problems it lists, and its notes, are the API's (in English).
js-import-not-both = اختر إما ملفات CSV وإما ملفًا واحدًا للشبكة كلها، لا الاثنين معًا: فذلك الملف يحوي الشبكة كلها وحده. أزل أحدهما.
js-import-mapping-needs-file = يقرأ مخطط الربط ملفًا واحدًا هو تصدير من Network Canvas: اختره بوصفه الملف الواحد للشبكة كلها.
js-import-checking-sent = جارٍ الفحص: أُرسل { $percent }٪
js-import-importing-sent = جارٍ الاستيراد: أُرسل { $percent }٪
js-import-checking-rows = جارٍ الفحص: كل الصفوف…
js-import-importing-rows = جارٍ الاستيراد: كل الصفوف…
js-import-server-answered = أجاب الخادم بالرمز { $status }
js-import-upload-failed = فشل الرفع
# What an import writes: "{ $created } and { $updated }" of actors, then of ties.
js-import-new-and-updated = { $created }، { $updated }
js-import-new-actors-other = جهات فاعلة جديدة: { $count }
js-import-updated-actors-other = جهات فاعلة محدَّثة: { $count }
js-import-new-ties-other = صلات جديدة: { $count }
js-import-updated-ties-other = صلات محدَّثة: { $count }
js-import-unchanged-other = (دون تغيير: { $count }، تُركت كما هي)
js-import-actors-and-ties = { $actors }؛ { $ties }
js-import-ready = جاهز: سيكتب الاستيراد ما يلي: { $what }. لن يُكتب شيء حتى تؤكد.
js-import-imported = تم الاستيراد: { $what }.
# Something the server read differently or left out ($note: the API's words).
js-import-note = ملاحظة: { $note }.
js-import-nothing-checked = لم يُفحص شيء: { $reason }
js-import-choose-file = اختر ملفًا أولًا.
js-import-check-failed = تعذّر إجراء الفحص: { $reason }
js-import-import-failed = تعذّر إجراء الاستيراد: { $reason }

## The administration pages: tokens, a token issued, the audit trail
## (templates/pages/admin.html, token-issued.html, audit.html, src/http/pages/admin.rs)

admin-title = الإدارة
admin-heading = الرموز وسجل التدقيق
# Split around the link to the audit trail.
admin-intro = لكل من يستخدم relaymap رمز يحدد ما يمكنه رؤيته.
admin-intro-link = سجل التدقيق
admin-intro-after = يدوّن كل طلب يمس بيانات الأشخاص، وكل رفض.
admin-tokens-heading = الرموز
admin-col-whose = صاحب الرمز
admin-col-role = الدور
admin-col-made = أُنشئ
admin-col-expires = ينتهي
admin-col-state = الحالة
admin-revoke = إلغاء
# A revoke link, to screen readers; $label: whose token it is.
admin-revoke-label = إلغاء رمز { $label }
admin-this-session = هذه الجلسة
admin-state-active = نشط
admin-state-expired = منتهي الصلاحية
admin-state-revoked = مُلغى
# A token without an end.
admin-never = لا ينتهي
admin-done-revoked = أُلغي: لم يعد الرمز ولا جلساته تعمل.
admin-issue-heading = إصدار رمز
admin-not-issued = لم يُصدر أي رمز
admin-error-prefix = خطأ:
admin-label-label = صاحب الرمز
admin-label-hint = فريق أو شخص، بالاسم الذي ينبغي أن يظهر به في سجل التدقيق. لا بيانات شخصية عن الأشخاص في الشبكة.
admin-error-label = اذكر لمن هذا الرمز، مثل «منظمة الميناء، الفريق الميداني».
admin-role-legend = ما يتيحه
# The roles by name, and what each may do ("viewer: counts only").
admin-role-admin = مسؤول
admin-role-coordinator = منسق
admin-role-analyst = محلل
admin-role-viewer = مطّلع
admin-role-interviewer = مُجري مقابلات
admin-role-separator = {": "}
admin-role-admin-may = كل شيء، بما في ذلك الرموز وسجل التدقيق
admin-role-coordinator-may = الشبكة نفسها: الأسماء والخرائط والسيناريوهات وعمليات الاستيراد
admin-role-analyst-may = بيانات بحثية بأسماء مستعارة ومقاييس
admin-role-viewer-may = الأعداد فقط
admin-role-interviewer-may = المقابلات الميدانية فقط: صفحة المقابلة وقائمة الأشخاص بالاسم
admin-error-role = اختر ما يتيحه الرمز.
admin-days-label = ينتهي بعد (أيام)
admin-days-hint = فارغ: لا ينتهي أبدًا. يُفضَّل أن يكون رمز الفريق الميداني قصير الأجل.
admin-error-days = أدخل عددًا صحيحًا من الأيام من 1 إلى 3650، أو اتركه فارغًا.
admin-issue-button = أصدر الرمز

# Asking before a token is revoked; $label: whose token it is, $role: its role's name.
admin-revoke-title = إلغاء الرمز «{ $label }»؟
admin-revoke-warning = يفقد حامل رمز «{ $role }» هذا الوصول فورًا، وتنتهي كل جلسة دخلت به. لا يمكن التراجع عن ذلك: أصدر رمزًا جديدًا إن احتاج إلى الوصول مجددًا.
admin-revoke-button = ألغِ الرمز

admin-issued-title = صدر الرمز
# Around whose token it is (in bold); $role: its role's name, $expires: when it expires.
admin-issued-before = رمز بدور «{ $role }» صادر باسم
admin-issued-after = ، ينتهي في { $expires }. سلّم هذا السر يدًا بيد أو عبر قناة مشفرة:
admin-issued-after-never = ، لا ينتهي أبدًا. سلّم هذا السر يدًا بيد أو عبر قناة مشفرة:
admin-warning-prefix = تحذير:
admin-issued-warning = لا يظهر إلا الآن: لا يحتفظ relaymap إلا ببصمته. انسخه قبل مغادرة هذه الصفحة.
admin-back-to-tokens = العودة إلى الرموز

admin-audit-title = سجل التدقيق
admin-audit-newest = { $count ->
    [zero] لا إدخالات.
    [one] أحدث إدخال.
    [two] أحدث إدخالين.
    [few] أحدث { $count } إدخالات.
    [many] أحدث { $count } إدخالًا.
   *[other] أحدث { $count } إدخال.
}
admin-audit-older-intro = إدخالات أقدم.
# Around the two words the trail keeps instead of names: withheld, erased.
admin-audit-kept-before = تُحفظ عمليات البحث بصفة
admin-audit-kept-between = ، والأشخاص المحذوفون بصفة
admin-audit-kept-after = : لا يذكر السجل أسماءهم أبدًا.
admin-audit-entries = إدخالات التدقيق
admin-col-when = متى
admin-col-who = من
admin-col-call = الطلب
admin-col-about = بشأن
admin-col-outcome = النتيجة
admin-col-records = السجلات
admin-audit-older = إدخالات أقدم
