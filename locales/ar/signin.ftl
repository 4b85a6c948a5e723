# The sign-in page.

signin-title = تسجيل الدخول
signin-not-signed-in = لم تسجّل الدخول
signin-token-label = رمز الوصول
signin-token-hint = يعطيك المسؤول رمزًا. وهو يحدد ما يمكنك رؤيته: الأعداد فقط، أو بيانات بحثية بأسماء مستعارة، أو الشبكة نفسها.
signin-button = تسجيل الدخول
signin-too-many = محاولات فاشلة كثيرة من هنا. حاول مرة أخرى بعد { $seconds } ثانية.
signin-form-too-old = كان النموذج قديمًا أو لم يُرسل من هذا الموقع. يرجى تسجيل الدخول مرة أخرى.
signin-token-unknown = هذا الرمز غير معروف أو منتهي الصلاحية أو ملغى.
