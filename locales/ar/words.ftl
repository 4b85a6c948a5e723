# Words every page shares (src/http/pages/words.rs, static/js/words.js): kinds, channels,
# relations, outcomes, consent.

# Between the items of a list, and between the clauses of a sentence.
words-list-separator = {"، "}
words-clause-separator = {"؛ "}
# Between the last two choices of a short list ("an organisation or a responder").
words-or = {" أو "}

channel-in-person = حضوريًا
channel-phone = الهاتف
channel-sms = رسائل SMS
channel-whatsapp = واتساب
channel-radio = الراديو
channel-social-media = وسائل التواصل الاجتماعي
channel-email = البريد الإلكتروني

kind-migrant = مهاجر
kind-organisation = منظمة
kind-responder = مستجيب
kind-city = مدينة
kind-a-migrant = مهاجر
kind-an-organisation = منظمة
kind-a-responder = مستجيب
kind-a-city = مدينة

tie-kind-knows = يعرف
tie-kind-member-of = عضو في
tie-kind-partners-with = شريك مع
tie-kind-serves = يخدم
tie-kind-located-in = يقع في

relation-knows = يعرف
relation-member-of = عضو في
relation-has-member = من أعضائه
relation-partners-with = شريك مع
relation-serves = يخدم
relation-served-by = يتلقى الخدمة من
relation-located-in = يقع في
relation-city-of = هي مدينة
# A tie kind offered on an actor's card: the relation and the kinds of actor it may join.
tie-choice = { $relation } ({ $kinds })

capital-bonding = ترابطي
capital-bridging = جسري
capital-linking = ربطي

outcome-ok = تم
outcome-forbidden = مرفوض: غير مسموح
outcome-unauthenticated = مرفوض: لم يتم تسجيل الدخول
outcome-csrf = مرفوض: النموذج قديم جدًا
outcome-failed = مرفوض: رمز غير معروف
outcome-too-many-failures = مرفوض: محاولات دخول فاشلة كثيرة جدًا
outcome-refused = مرفوض: لم يُحفظ شيء
outcome-conflict = مرفوض: يتعارض مع ما هو محفوظ
outcome-too-large = مرفوض: كبير جدًا
outcome-too-many = مرفوض: طلبات كثيرة جدًا دفعة واحدة
outcome-server-error = فشل: لم يُحفظ شيء

purpose-warnings = تحذيرات الطوارئ والمساعدة
purpose-partners = المشاركة مع المنظمات الشريكة
purpose-research = بحث مجهول الهوية

consent-none = لم تُمنح: تظهر للمنسقين فقط، ولا تُصدَّر أبدًا.
consent-given = مُنحت لأجل: { $purposes }
consent-expired = منتهية (تُحسب كأنها غير موجودة) – كانت ممنوحة لأجل: { $purposes }
consent-recorded = سُجّلت في { $day }
consent-recorded-by = سجّلها { $by } في { $day }
consent-until = حتى { $day }
# The whole sentence: the clauses above, joined.
consent-sentence = { $parts }.
