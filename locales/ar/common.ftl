# Shared by every page: the header, the language switch, the navigation.

# This locale's name for itself, in the language switch.
locale-name = العربية

count-actors = { $count ->
    [zero] لا جهات فاعلة
    [one] جهة فاعلة واحدة
    [two] جهتان فاعلتان
    [few] { $count } جهات فاعلة
    [many] { $count } جهة فاعلة
   *[other] { $count } جهة فاعلة
}

skip-to-content = انتقل إلى المحتوى الرئيسي
site-tagline = كيف تنتقل المساعدة داخل المجتمع
language-switch-label = لغة الصفحات
language-switch-button = تغيير

## Error pages

error-forbidden-title = لا يمكنك فتح هذه الصفحة
error-forbidden-text = رمزك لا يتيح الوصول إليها (أو أن النموذج كان قديمًا: ارجع وأعد تحميل الصفحة وحاول مرة أخرى). الصفحات التي يمكنك استخدامها موجودة في لوحة المتابعة؛ اطلب من المسؤول إن احتجت إلى المزيد.
error-not-found-title = الصفحة غير موجودة
error-not-found-text = لا توجد صفحة كهذه، أو أن ما كانت تعرضه قد حُذف. إن كتبت العنوان بنفسك فتحقق منه.
error-method-title = لا تستطيع هذه الصفحة فعل ذلك
error-method-text = ارجع واستخدم أزرار الصفحة وروابطها.
error-too-large-title = هذا كثير دفعة واحدة
error-too-large-text = ما أُرسل أكبر مما يقبله relaymap دفعة واحدة. أرسله على أجزاء أصغر.
error-too-many-title = طلبات كثيرة جدًا
error-too-many-text = طُلب الكثير برمزك في الوقت نفسه. انتظر قليلًا ثم حاول مرة أخرى.
error-server-title = عذرًا، حدث خطأ ما
error-server-text = لم يتمكن relaymap من الرد. لم يتغير شيء. حاول مرة أخرى بعد قليل؛ وإن تكرر ذلك فأخبر المسؤول بوقت حدوثه.
error-bad-request-title = لم ينجح ذلك
error-bad-request-text = تعذرت قراءة الطلب. ارجع وتحقق مما كُتب وحاول مرة أخرى.
error-go-dashboard = انتقل إلى لوحة المتابعة
error-sign-in-again = سجّل الدخول برمز آخر
