<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Guardian</source>
        <translation>عن حارس</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>حارس</translation>
    </message>
    <message>
        <source>Guardian helps parents find out, early and privately, that their child is being bullied, threatened or preyed on in chat, and what to do about it.</source>
        <translation>يساعد حارس الوالدين على أن يعرفوا مبكرًا، وبخصوصية تامة، إن كان طفلهم يتعرض للتنمر أو التهديد أو الاستدراج في المحادثات، وماذا يفعلون حيال ذلك.</translation>
    </message>
    <message>
        <source>Your privacy</source>
        <translation>خصوصيتك</translation>
    </message>
    <message>
        <source>Everything stays on this computer. Guardian makes no network connections, sends no statistics and uses no online services. Imported chats are stored encrypted, with a key kept in the system keyring or protected by your passphrase. Messages never appear in log files.</source>
        <translation>كل شيء يبقى على هذا الحاسوب. لا يتصل حارس بالإنترنت، ولا يرسل أي إحصاءات، ولا يستخدم أي خدمة عبر الشبكة. تُحفظ المحادثات المستوردة مشفّرة بمفتاح محفوظ في سلسلة مفاتيح النظام أو محميّ بعبارة المرور الخاصة بك. ولا تظهر الرسائل أبدًا في ملفات السجل.</translation>
    </message>
    <message>
        <source>Guardian can be wrong. Treat a finding as a reason to talk with your child, not as a verdict.</source>
        <translation>قد يخطئ حارس. اعتبر كل تنبيه فرصةً للحديث مع طفلك، لا حكمًا نهائيًا.</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>مجلد البيانات:</translation>
    </message>
</context>
<context>
    <name>AboutPage</name>
    <message>
        <source>What Guardian does, and what it does not do</source>
        <translation>ما يفعله حارس، وما لا يفعله</translation>
    </message>
    <message>
        <source>Guardian reads the chats you export from your child&apos;s apps and points out messages that may be bullying, threats, grooming, blackmail or deep distress.</source>
        <translation>يقرأ حارس المحادثات التي تصدّرها من تطبيقات طفلك، ويدلّك على الرسائل التي قد تكون تنمرًا أو تهديدًا أو استدراجًا أو ابتزازًا أو ضيقًا شديدًا.</translation>
    </message>
    <message>
        <source>Everything stays on this computer. Nothing is sent anywhere: no internet, no cloud, no statistics. The chats are stored encrypted.</source>
        <translation>كل شيء يبقى على هذا الحاسوب. لا يُرسَل شيء إلى أي مكان: لا إنترنت، ولا سحابة، ولا إحصاءات. وتُحفظ المحادثات مشفّرة.</translation>
    </message>
    <message>
        <source>Guardian can be wrong, in both directions. A finding is a reason for a calm conversation with your child, not a verdict.</source>
        <translation>قد يخطئ حارس في الاتجاهين. التنبيه سببٌ لحديث هادئ مع طفلك، لا حكمٌ نهائي.</translation>
    </message>
    <message>
        <source>Guardian does not spy on the phone and does not read anything you have not imported yourself.</source>
        <translation>لا يتجسس حارس على الهاتف، ولا يقرأ شيئًا لم تستورده أنت بنفسك.</translation>
    </message>
</context>
<context>
    <name>AppPage</name>
    <message>
        <source>Which app are the chats in?</source>
        <translation>في أي تطبيق توجد المحادثات؟</translation>
    </message>
    <message>
        <source>Choose the app your child uses. The next page shows how to save its chats to a file. You can also drop files on the main window at any time.</source>
        <translation>اختر التطبيق الذي يستخدمه طفلك. تعرض الصفحة التالية طريقة حفظ محادثاته في ملف. ويمكنك أيضًا إفلات الملفات على النافذة الرئيسية في أي وقت.</translation>
    </message>
    <message>
        <source>Chat apps</source>
        <translation>تطبيقات المحادثة</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <source>Chat bubbles: your child&apos;s messages on one side, everyone else&apos;s on the other. The message Guardian flagged is framed and starts with the word “flagged”.</source>
        <translation>فقاعات المحادثة: رسائل طفلك في جهة، ورسائل الآخرين في الجهة الأخرى. الرسالة التي نبّه إليها حارس محاطة بإطار وتبدأ بعبارة «موضع التنبيه».</translation>
    </message>
    <message>
        <source>Choose a finding or a conversation to read it here.</source>
        <translation>اختر تنبيهًا أو محادثة لتقرأها هنا.</translation>
    </message>
    <message>
        <source>[attachment]</source>
        <translation>[مرفق]</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>your child</source>
        <translation>طفلك</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>موضع التنبيه</translation>
    </message>
    <message>
        <source>This conversation has no messages.</source>
        <translation>لا رسائل في هذه المحادثة.</translation>
    </message>
</context>
<context>
    <name>ChildPage</name>
    <message>
        <source>Your child</source>
        <translation>طفلك</translation>
    </message>
    <message>
        <source>Write your child&apos;s first name as it appears in their chats. For more than one child, separate the names with commas. Guardian uses it only to find your child in the chats.</source>
        <translation>اكتب الاسم الأول لطفلك كما يظهر في محادثاته. إن كان لديك أكثر من طفل فافصل بين الأسماء بفواصل. يستخدم حارس الاسم فقط ليعرف طفلك في المحادثات.</translation>
    </message>
    <message>
        <source>&amp;Name(s):</source>
        <translation>&amp;الاسم أو الأسماء:</translation>
    </message>
    <message>
        <source>e.g. Reem, Omar</source>
        <translation>مثلًا: ريم، عمر</translation>
    </message>
    <message>
        <source>Your child&apos;s names</source>
        <translation>أسماء أطفالك</translation>
    </message>
    <message>
        <source>Which one is your child?</source>
        <translation>من هو طفلك في المحادثة؟</translation>
    </message>
    <message>
        <source>Guardian needs to know who your child is in each chat, to tell what was said to them from what they said. Guardian&apos;s guess is already chosen; change it if it is wrong.</source>
        <translation>يحتاج حارس أن يعرف من هو طفلك في كل محادثة، ليميّز ما قيل له عمّا قاله هو. اختيار حارس المقترح محدد مسبقًا؛ غيّره إن كان خطأً.</translation>
    </message>
    <message>
        <source>The export names its owner.</source>
        <translation>ملف التصدير يذكر صاحبه.</translation>
    </message>
    <message>
        <source>Chosen before.</source>
        <translation>اختير من قبل.</translation>
    </message>
    <message>
        <source>The name matches your child&apos;s name.</source>
        <translation>الاسم يطابق اسم طفلك.</translation>
    </message>
    <message>
        <source>Guessed: the person who writes most in this chat.</source>
        <translation>تخمين: الشخص الأكثر كتابة في هذه المحادثة.</translation>
    </message>
    <message>
        <source>Guardian could not guess; please choose.</source>
        <translation>لم يستطع حارس التخمين؛ اختر من فضلك.</translation>
    </message>
    <message>
        <source>My child is not in this chat</source>
        <translation>طفلي ليس في هذه المحادثة</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n messages)</source>
        <translation>
            <numerusform>%1 (لا رسائل)</numerusform>
            <numerusform>%1 (رسالة واحدة)</numerusform>
            <numerusform>%1 (رسالتان)</numerusform>
            <numerusform>%1 (%Ln رسائل)</numerusform>
            <numerusform>%1 (%Ln رسالة)</numerusform>
            <numerusform>%1 (%Ln رسالة)</numerusform>
        </translation>
    </message>
    <message>
        <source>Your child in %1</source>
        <translation>طفلك في %1</translation>
    </message>
    <message>
        <source>Your &amp;child:</source>
        <translation>&amp;طفلك:</translation>
    </message>
    <message>
        <source>No new conversations were found in these files.</source>
        <translation>لم توجد محادثات جديدة في هذه الملفات.</translation>
    </message>
</context>
<context>
    <name>ConversationsPane</name>
    <message>
        <source>Conversations</source>
        <translation>المحادثات</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>Imported conversations</source>
        <translation>المحادثات المستوردة</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>كل المحادثات</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>لم يُحدَّد</translation>
    </message>
    <message>
        <source>Your child:</source>
        <translation>طفلك:</translation>
    </message>
</context>
<context>
    <name>CsvPage</name>
    <message>
        <source>Which column is which?</source>
        <translation>أي عمود يحمل ماذا؟</translation>
    </message>
    <message>
        <source>Guardian guessed from the column names; check and correct.</source>
        <translation>خمّن حارس من أسماء الأعمدة؛ راجِع وصحّح إن لزم.</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;الوقت:</translation>
    </message>
    <message>
        <source>&amp;Sender:</source>
        <translation>&amp;المرسل:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>&amp;النص:</translation>
    </message>
    <message>
        <source>&amp;Conversation (optional):</source>
        <translation>ال&amp;محادثة (اختياري):</translation>
    </message>
    <message>
        <source>Time &amp;format (only if times are not read):</source>
        <translation>&amp;صيغة الوقت (فقط إن لم تُقرأ الأوقات):</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Findings per week, by kind of harm</source>
        <translation>التنبيهات في كل أسبوع، حسب نوع الأذى</translation>
    </message>
    <message>
        <source>By kind of harm</source>
        <translation>حسب نوع الأذى</translation>
    </message>
    <message>
        <source>By sender</source>
        <translation>حسب المرسل</translation>
    </message>
    <message>
        <source>By hour of the day</source>
        <translation>حسب ساعة اليوم</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>لا شيء لعرضه بعد.</translation>
    </message>
    <message numerus="yes">
        <source>Welcome. %n findings need your attention.</source>
        <translation>
            <numerusform>أهلًا بك. لا تنبيهات تحتاج إلى انتباهك الآن.</numerusform>
            <numerusform>أهلًا بك. تنبيه واحد يحتاج إلى انتباهك.</numerusform>
            <numerusform>أهلًا بك. تنبيهان يحتاجان إلى انتباهك.</numerusform>
            <numerusform>أهلًا بك. %Ln تنبيهات تحتاج إلى انتباهك.</numerusform>
            <numerusform>أهلًا بك. %Ln تنبيهًا تحتاج إلى انتباهك.</numerusform>
            <numerusform>أهلًا بك. %Ln تنبيه تحتاج إلى انتباهك.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Since your last visit (%1): %n new findings.</source>
        <translation>
            <numerusform>منذ زيارتك الأخيرة (%1): لا تنبيهات جديدة.</numerusform>
            <numerusform>منذ زيارتك الأخيرة (%1): تنبيه جديد واحد.</numerusform>
            <numerusform>منذ زيارتك الأخيرة (%1): تنبيهان جديدان.</numerusform>
            <numerusform>منذ زيارتك الأخيرة (%1): %Ln تنبيهات جديدة.</numerusform>
            <numerusform>منذ زيارتك الأخيرة (%1): %Ln تنبيهًا جديدًا.</numerusform>
            <numerusform>منذ زيارتك الأخيرة (%1): %Ln تنبيه جديد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them serious.</source>
        <translation>
            <numerusform>ليس بينها تنبيه خطير.</numerusform>
            <numerusform>واحد منها خطير.</numerusform>
            <numerusform>اثنان منها خطيران.</numerusform>
            <numerusform>%Ln منها خطيرة.</numerusform>
            <numerusform>%Ln منها خطيرة.</numerusform>
            <numerusform>%Ln منها خطيرة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n findings were sent late at night (10 pm to 6 am, the dark bars).</source>
        <translation>
            <numerusform>لم يُرسل أي تنبيه في وقت متأخر من الليل (من العاشرة مساءً إلى السادسة صباحًا، الأعمدة الداكنة).</numerusform>
            <numerusform>أُرسل تنبيه واحد في وقت متأخر من الليل (من العاشرة مساءً إلى السادسة صباحًا، الأعمدة الداكنة).</numerusform>
            <numerusform>أُرسل تنبيهان في وقت متأخر من الليل (من العاشرة مساءً إلى السادسة صباحًا، الأعمدة الداكنة).</numerusform>
            <numerusform>أُرسلت %Ln تنبيهات في وقت متأخر من الليل (من العاشرة مساءً إلى السادسة صباحًا، الأعمدة الداكنة).</numerusform>
            <numerusform>أُرسل %Ln تنبيهًا في وقت متأخر من الليل (من العاشرة مساءً إلى السادسة صباحًا، الأعمدة الداكنة).</numerusform>
            <numerusform>أُرسل %Ln تنبيه في وقت متأخر من الليل (من العاشرة مساءً إلى السادسة صباحًا، الأعمدة الداكنة).</numerusform>
        </translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>Shaded: night, from 10 pm to 6 am</source>
        <translation>المنطقة المظلَّلة: الليل، من العاشرة مساءً إلى السادسة صباحًا</translation>
    </message>
    <message>
        <source>Findings at night</source>
        <translation>تنبيهات في الليل</translation>
    </message>
    <message>
        <source>Findings in the day</source>
        <translation>تنبيهات في النهار</translation>
    </message>
    <message>
        <source>Hours: %1 is midnight, %2 is noon.</source>
        <translation>الساعات: %1 منتصف الليل، و%2 الظهر.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Imported</source>
        <translation>تم الاستيراد</translation>
    </message>
    <message>
        <source>File or line</source>
        <translation>الملف أو السطر</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>ما حدث</translation>
    </message>
    <message>
        <source>What was imported and what was skipped</source>
        <translation>ما استُورد وما تُخطّي</translation>
    </message>
    <message>
        <source>Every line was read.</source>
        <translation>قُرئت كل الأسطر.</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages</source>
        <translation>
            <numerusform>لا رسائل جديدة</numerusform>
            <numerusform>رسالة جديدة واحدة</numerusform>
            <numerusform>رسالتان جديدتان</numerusform>
            <numerusform>%Ln رسائل جديدة</numerusform>
            <numerusform>%Ln رسالة جديدة</numerusform>
            <numerusform>%Ln رسالة جديدة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n files.</source>
        <translation>
            <numerusform>من دون ملفات.</numerusform>
            <numerusform>من ملف واحد.</numerusform>
            <numerusform>من ملفين.</numerusform>
            <numerusform>من %Ln ملفات.</numerusform>
            <numerusform>من %Ln ملفًا.</numerusform>
            <numerusform>من %Ln ملف.</numerusform>
        </translation>
    </message>
    <message>
        <source>Guardian now reads them for signs of harm; the findings appear in the main window in a moment.</source>
        <translation>يقرؤها حارس الآن بحثًا عن علامات الأذى، وتظهر التنبيهات في النافذة الرئيسية بعد لحظات.</translation>
    </message>
    <message>
        <source>Everything in them was imported before, so nothing was added twice.</source>
        <translation>كل ما فيها استُورد من قبل، فلم يُضف شيء مرتين.</translation>
    </message>
    <message numerus="yes">
        <source>%n lines could not be read; they are listed below with the reason.</source>
        <translation>
            <numerusform>قُرئت كل الأسطر.</numerusform>
            <numerusform>تعذّرت قراءة سطر واحد؛ تجده أدناه مع السبب.</numerusform>
            <numerusform>تعذّرت قراءة سطرين؛ تجدهما أدناه مع السبب.</numerusform>
            <numerusform>تعذّرت قراءة %Ln أسطر؛ تجدها أدناه مع السبب.</numerusform>
            <numerusform>تعذّرت قراءة %Ln سطرًا؛ تجدها أدناه مع السبب.</numerusform>
            <numerusform>تعذّرت قراءة %Ln سطر؛ تجدها أدناه مع السبب.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n messages read, %1 new</source>
        <translation>
            <numerusform>لم تُقرأ أي رسالة</numerusform>
            <numerusform>قُرئت رسالة واحدة، منها %1 جديدة</numerusform>
            <numerusform>قُرئت رسالتان، منها %1 جديدة</numerusform>
            <numerusform>قُرئت %Ln رسائل، منها %1 جديدة</numerusform>
            <numerusform>قُرئت %Ln رسالة، منها %1 جديدة</numerusform>
            <numerusform>قُرئت %Ln رسالة، منها %1 جديدة</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>السطر %1</translation>
    </message>
    <message>
        <source>not a chat; passed over</source>
        <translation>ليس محادثة؛ تُرك</translation>
    </message>
    <message>
        <source>text before the first message; ignored</source>
        <translation>نص قبل أول رسالة؛ تُرك</translation>
    </message>
    <message>
        <source>the time could not be read</source>
        <translation>تعذّرت قراءة الوقت</translation>
    </message>
    <message>
        <source>the date is impossible</source>
        <translation>التاريخ غير ممكن</translation>
    </message>
    <message>
        <source>the row has fewer columns than the header</source>
        <translation>في الصف أعمدة أقل من عناوين الأعمدة</translation>
    </message>
    <message>
        <source>the row is not readable</source>
        <translation>تعذّرت قراءة الصف</translation>
    </message>
    <message>
        <source>the file is damaged or cut off here</source>
        <translation>الملف تالف أو مقطوع عند هذا الموضع</translation>
    </message>
</context>
<context>
    <name>ExportSteps</name>
    <message>
        <source>Android phone</source>
        <translation>هاتف أندرويد</translation>
    </message>
    <message>
        <source>iPhone</source>
        <translation>آيفون</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>الحاسوب</translation>
    </message>
    <message>
        <source>Send the file to this computer (e-mail it to yourself, or copy it with a cable or a USB stick), then drop it on Guardian&apos;s window.</source>
        <translation>انقل الملف إلى هذا الحاسوب (أرسله إلى بريدك الإلكتروني، أو انسخه بسلك أو بذاكرة USB)، ثم أفلته على نافذة حارس.</translation>
    </message>
    <message>
        <source>Open the app&apos;s Settings and look for &quot;Download your information&quot; (in Accounts Center).</source>
        <translation>افتح إعدادات التطبيق وابحث عن &quot;تنزيل معلوماتك&quot; (في مركز الحسابات).</translation>
    </message>
    <message>
        <source>Choose Messages only, the format JSON, and the whole date range.</source>
        <translation>اختر الرسائل فقط، وصيغة JSON، والفترة الزمنية كاملة.</translation>
    </message>
    <message>
        <source>Wait for the e-mail saying the file is ready (from minutes to a few days).</source>
        <translation>انتظر رسالة البريد التي تخبرك بأن الملف جاهز (من دقائق إلى بضعة أيام).</translation>
    </message>
    <message>
        <source>Download the .zip file on this computer and drop it here as it is; no need to unzip it.</source>
        <translation>نزّل ملف ‎.zip‎ على هذا الحاسوب وأفلته هنا كما هو؛ لا حاجة إلى فك ضغطه.</translation>
    </message>
    <message>
        <source>Open the chat you want Guardian to read.</source>
        <translation>افتح المحادثة التي تريد أن يقرأها حارس.</translation>
    </message>
    <message>
        <source>Tap the three dots ⋮ at the top of the screen.</source>
        <translation>اضغط النقاط الثلاث ⋮ أعلى الشاشة.</translation>
    </message>
    <message>
        <source>Tap &quot;More&quot;, then &quot;Export chat&quot;.</source>
        <translation>اضغط &quot;المزيد&quot;، ثم &quot;تصدير الدردشة&quot;.</translation>
    </message>
    <message>
        <source>Choose &quot;Without media&quot;: it is smaller and enough for Guardian.</source>
        <translation>اختر &quot;بدون وسائط&quot;: الملف أصغر ويكفي حارس.</translation>
    </message>
    <message>
        <source>Tap the name of the person or group at the top.</source>
        <translation>اضغط اسم الشخص أو المجموعة في الأعلى.</translation>
    </message>
    <message>
        <source>Scroll down and tap &quot;Export Chat&quot;.</source>
        <translation>مرّر إلى الأسفل واضغط &quot;تصدير الدردشة&quot;.</translation>
    </message>
    <message>
        <source>Choose &quot;Without Media&quot;.</source>
        <translation>اختر &quot;إرفاق بدون وسائط&quot;.</translation>
    </message>
    <message>
        <source>Do this on your child&apos;s phone. Repeat for each chat that worries you.</source>
        <translation>افعل هذا على هاتف طفلك، وكرّره لكل محادثة تقلقك.</translation>
    </message>
    <message>
        <source>Install Telegram Desktop on this computer and sign in with your child&apos;s account (a code arrives on the phone).</source>
        <translation>ثبّت تطبيق تيليجرام لسطح المكتب على هذا الحاسوب وسجّل الدخول بحساب طفلك (يصل رمز إلى الهاتف).</translation>
    </message>
    <message>
        <source>Open Settings, then Advanced, then &quot;Export Telegram data&quot;.</source>
        <translation>افتح الإعدادات، ثم &quot;متقدم&quot;، ثم &quot;تصدير بيانات تيليجرام&quot;.</translation>
    </message>
    <message>
        <source>Tick personal and group chats and choose &quot;Machine-readable JSON&quot;.</source>
        <translation>حدّد المحادثات الشخصية والجماعية، واختر صيغة JSON المقروءة آليًا.</translation>
    </message>
    <message>
        <source>Press Export, then drop the folder it made on Guardian&apos;s window.</source>
        <translation>اضغط &quot;تصدير&quot;، ثم أفلت المجلد الناتج على نافذة حارس.</translation>
    </message>
    <message>
        <source>Telegram&apos;s phone apps cannot export chats; the computer app can.</source>
        <translation>تطبيقات تيليجرام على الهاتف لا تصدّر المحادثات؛ تطبيق الحاسوب يستطيع.</translation>
    </message>
    <message>
        <source>Instagram sends the file by e-mail to the account&apos;s address.</source>
        <translation>يرسل إنستغرام الملف إلى البريد الإلكتروني المسجّل في الحساب.</translation>
    </message>
    <message>
        <source>Messenger&apos;s file comes from Facebook&apos;s Accounts Center, by e-mail.</source>
        <translation>يصل ملف ماسنجر من مركز حسابات فيسبوك، عبر البريد الإلكتروني.</translation>
    </message>
    <message>
        <source>Tap your child&apos;s picture, then the gear ⚙ for Settings.</source>
        <translation>اضغط صورة طفلك، ثم الترس ⚙ لفتح الإعدادات.</translation>
    </message>
    <message>
        <source>Open &quot;Data &amp; Privacy&quot; and tap &quot;Request all of my data&quot;.</source>
        <translation>افتح &quot;البيانات والخصوصية&quot; واضغط &quot;طلب كل بياناتي&quot;.</translation>
    </message>
    <message>
        <source>Discord e-mails a link within 30 days; the link works for 30 days.</source>
        <translation>يرسل ديسكورد رابطًا بالبريد خلال 30 يومًا، ويعمل الرابط 30 يومًا.</translation>
    </message>
    <message>
        <source>Discord&apos;s file holds only the messages your child sent. For messages they received, take screenshots and copy the message links.</source>
        <translation>ملف ديسكورد فيه الرسائل التي أرسلها طفلك فقط. أما الرسائل التي وصلته، فالتقط لها صورًا للشاشة وانسخ روابطها.</translation>
    </message>
    <message>
        <source>First, in each worrying chat, press and hold the messages to save them.</source>
        <translation>أولًا، في كل محادثة مقلقة، اضغط مطولًا على الرسائل لحفظها.</translation>
    </message>
    <message>
        <source>Open Settings, then &quot;My Data&quot;, sign in and tap &quot;Submit Request&quot;.</source>
        <translation>افتح الإعدادات، ثم &quot;بياناتي&quot;، وسجّل الدخول واضغط &quot;إرسال الطلب&quot;.</translation>
    </message>
    <message>
        <source>Wait for the e-mail, then download the .zip file on this computer.</source>
        <translation>انتظر رسالة البريد، ثم نزّل ملف ‎.zip‎ على هذا الحاسوب.</translation>
    </message>
    <message>
        <source>Drop the .zip file on Guardian&apos;s window.</source>
        <translation>أفلت ملف ‎.zip‎ على نافذة حارس.</translation>
    </message>
    <message>
        <source>Snapchat&apos;s file holds only chats that were saved; chats that disappeared are missing.</source>
        <translation>ملف سناب شات فيه المحادثات المحفوظة فقط؛ أما المحادثات التي اختفت فليست فيه.</translation>
    </message>
    <message>
        <source>Install the free app &quot;SMS Backup &amp; Restore&quot; on your child&apos;s phone.</source>
        <translation>ثبّت التطبيق المجاني &quot;SMS Backup &amp; Restore&quot; على هاتف طفلك.</translation>
    </message>
    <message>
        <source>Make a backup of the text messages to a file on the phone.</source>
        <translation>أنشئ نسخة احتياطية من الرسائل النصية في ملف على الهاتف.</translation>
    </message>
    <message>
        <source>An iPhone cannot export text messages to a file by itself.</source>
        <translation>لا يستطيع الآيفون وحده تصدير الرسائل النصية إلى ملف.</translation>
    </message>
    <message>
        <source>Take screenshots of the worrying messages and keep them safe.</source>
        <translation>التقط صورًا للشاشة للرسائل المقلقة واحفظها في مكان آمن.</translation>
    </message>
    <message>
        <source>Install Signal Desktop on this computer and link it to your child&apos;s phone (scan the code shown with the phone).</source>
        <translation>ثبّت سيغنال لسطح المكتب على هذا الحاسوب واربطه بهاتف طفلك (امسح الرمز الظاهر بالهاتف).</translation>
    </message>
    <message>
        <source>Use the free tool signal-export to write the chats into a folder.</source>
        <translation>استخدم الأداة المجانية signal-export لحفظ المحادثات في مجلد.</translation>
    </message>
    <message>
        <source>Drop that folder on Guardian&apos;s window.</source>
        <translation>أفلت ذلك المجلد على نافذة حارس.</translation>
    </message>
    <message>
        <source>Signal&apos;s phone apps cannot export chats; this needs a computer and some patience, or a helper who knows computers.</source>
        <translation>تطبيقات سيغنال على الهاتف لا تصدّر المحادثات؛ يحتاج هذا إلى حاسوب وبعض الصبر، أو إلى من يعرف الحواسيب ليساعدك.</translation>
    </message>
    <message>
        <source>Any table saved as CSV works if it has a column for the time, one for the sender and one for the text.</source>
        <translation>يصلح أي جدول محفوظ بصيغة CSV إن كان فيه عمود للوقت، وعمود للمرسل، وعمود للنص.</translation>
    </message>
    <message>
        <source>Choose the file on the next page; then tell Guardian which column is which.</source>
        <translation>اختر الملف في الصفحة التالية، ثم أخبر حارس بما يحمله كل عمود.</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>Choose the exported files</source>
        <translation>اختر الملفات المصدَّرة</translation>
    </message>
    <message>
        <source>Choose the file you saved from the app: a .txt, .json, .html, .xml or .csv file, a .zip file, or a whole folder. You can also drag them into the list below.</source>
        <translation>اختر الملف الذي حفظته من التطبيق: ملف ‎.txt‎ أو ‎.json‎ أو ‎.html‎ أو ‎.xml‎ أو ‎.csv‎، أو ملف ‎.zip‎، أو مجلدًا كاملًا. ويمكنك أيضًا سحبها إلى القائمة أدناه.</translation>
    </message>
    <message>
        <source>Choose &amp;files…</source>
        <translation>اختر &amp;ملفات…</translation>
    </message>
    <message>
        <source>Choose a f&amp;older…</source>
        <translation>اختر م&amp;جلدًا…</translation>
    </message>
    <message>
        <source>&amp;Remove from the list</source>
        <translation>&amp;أزل من القائمة</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>الملفات المراد استيرادها</translation>
    </message>
    <message>
        <source>Choose the table</source>
        <translation>اختر الجدول</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>جداول (*.csv *.tsv *.txt);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Choose the exported chats</source>
        <translation>اختر المحادثات المصدَّرة</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>اختر مجلد التصدير</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Severity</source>
        <translation>الخطورة</translation>
    </message>
    <message>
        <source>Kind of harm</source>
        <translation>نوع الأذى</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>المرسل</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>قرارك</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
</context>
<context>
    <name>FindingsPane</name>
    <message>
        <source>Findings</source>
        <translation>التنبيهات</translation>
    </message>
    <message>
        <source>&amp;Severity</source>
        <translation>ال&amp;خطورة</translation>
    </message>
    <message>
        <source>&amp;Kind of harm</source>
        <translation>&amp;نوع الأذى</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>Con&amp;versation</source>
        <translation>ال&amp;محادثة</translation>
    </message>
    <message>
        <source>Se&amp;nder</source>
        <translation>الم&amp;رسل</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>&amp;من</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;إلى</translation>
    </message>
    <message>
        <source>Show a&amp;ll</source>
        <translation>عرض ال&amp;كل</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>%1 or worse</source>
        <translation>%1 أو أشد</translation>
    </message>
    <message>
        <source>Needing attention</source>
        <translation>تحتاج إلى انتباه</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>كل التنبيهات</translation>
    </message>
    <message>
        <source>&amp;Import chats…</source>
        <translation>&amp;استيراد محادثات…</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>أي شخص</translation>
    </message>
    <message>
        <source>Updating the list…</source>
        <translation>جارٍ تحديث القائمة…</translation>
    </message>
    <message>
        <source>Reading the findings…</source>
        <translation>جارٍ قراءة التنبيهات…</translation>
    </message>
    <message>
        <source>No chats yet. Import your child&apos;s chats to begin: choose Import chats, or drag the exported files onto this window.</source>
        <translation>لا محادثات بعد. ابدأ باستيراد محادثات طفلك: اختر &quot;استيراد محادثات&quot;، أو اسحب الملفات المصدَّرة إلى هذه النافذة.</translation>
    </message>
    <message>
        <source>Guardian is reading the chats…</source>
        <translation>يقرأ حارس المحادثات…</translation>
    </message>
    <message>
        <source>Guardian found nothing worrying in the imported chats. It can miss things: keep talking with your child.</source>
        <translation>لم يجد حارس ما يقلق في المحادثات المستوردة. لكنه قد يفوته شيء: واصل الحديث مع طفلك.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n findings shown</source>
        <translation>
            <numerusform>لا تنبيهات لعرضها</numerusform>
            <numerusform>يُعرض %1 من تنبيه واحد</numerusform>
            <numerusform>يُعرض %1 من تنبيهين</numerusform>
            <numerusform>يُعرض %1 من %Ln تنبيهات</numerusform>
            <numerusform>يُعرض %1 من %Ln تنبيهًا</numerusform>
            <numerusform>يُعرض %1 من %Ln تنبيه</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Guardian: getting started</source>
        <translation>حارس: لنبدأ</translation>
    </message>
</context>
<context>
    <name>FolderStatusPanel</name>
    <message>
        <source>Connected folders</source>
        <translation>المجلدات المتصلة</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>المجلد</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>آخر استيراد</translation>
    </message>
    <message>
        <source>Connected folders and their state</source>
        <translation>المجلدات المتصلة وحالتها</translation>
    </message>
    <message>
        <source>Connect or remove folders…</source>
        <translation>وصل مجلدات أو إزالتها…</translation>
    </message>
    <message>
        <source>Importing new chats…</source>
        <translation>جارٍ استيراد محادثات جديدة…</translation>
    </message>
    <message>
        <source>Folder not found (a removed drive?)</source>
        <translation>المجلد غير موجود (هل أُزيل القرص؟)</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>لم يُفحص بعد</translation>
    </message>
    <message>
        <source>“%1” could not be imported</source>
        <translation>تعذّر استيراد «%1»</translation>
    </message>
    <message>
        <source>A file could not be imported</source>
        <translation>تعذّر استيراد أحد الملفات</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>قيد المتابعة</translation>
    </message>
    <message>
        <source>never</source>
        <translation>لم يحدث بعد</translation>
    </message>
    <message>
        <source>No folder is connected. Connect the folder where you save your child&apos;s chat exports, and Guardian imports new ones by itself while it runs.</source>
        <translation>لا يوجد مجلد متصل. صِل المجلد الذي تحفظ فيه محادثات طفلك المصدَّرة، وسيستورد حارس الجديد منها بنفسه ما دام مفتوحًا.</translation>
    </message>
    <message>
        <source>Guardian watches these folders and imports new exports by itself.</source>
        <translation>يتابع حارس هذه المجلدات ويستورد المحادثات الجديدة بنفسه.</translation>
    </message>
    <message>
        <source>Folders: importing…</source>
        <translation>المجلدات: جارٍ الاستيراد…</translation>
    </message>
    <message numerus="yes">
        <source>Folders: %n need attention</source>
        <translation>
            <numerusform>المجلدات: لا شيء يحتاج إلى انتباه</numerusform>
            <numerusform>المجلدات: مجلد واحد يحتاج إلى انتباه</numerusform>
            <numerusform>المجلدات: مجلدان يحتاجان إلى انتباه</numerusform>
            <numerusform>المجلدات: %Ln مجلدات تحتاج إلى انتباه</numerusform>
            <numerusform>المجلدات: %Ln مجلدًا تحتاج إلى انتباه</numerusform>
            <numerusform>المجلدات: %Ln مجلد تحتاج إلى انتباه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Folders: watching %n</source>
        <translation>
            <numerusform>المجلدات: لا متابعة</numerusform>
            <numerusform>المجلدات: متابعة مجلد واحد</numerusform>
            <numerusform>المجلدات: متابعة مجلدين</numerusform>
            <numerusform>المجلدات: متابعة %Ln مجلدات</numerusform>
            <numerusform>المجلدات: متابعة %Ln مجلدًا</numerusform>
            <numerusform>المجلدات: متابعة %Ln مجلد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Illustration</name>
    <message>
        <source>A phone with the chat&apos;s menu open at the top corner and the export item marked.</source>
        <translation>هاتف فيه قائمة المحادثة مفتوحة في الزاوية العليا، وقد عُلّم خيار التصدير.</translation>
    </message>
    <message>
        <source>A computer window with the app&apos;s export button marked.</source>
        <translation>نافذة على الحاسوب وقد عُلّم فيها زر التصدير في التطبيق.</translation>
    </message>
    <message>
        <source>Files being dragged onto the Guardian window.</source>
        <translation>ملفات تُسحب إلى نافذة حارس.</translation>
    </message>
    <message>
        <source>An iPhone chat with the contact&apos;s name at the top marked, where the export option is.</source>
        <translation>محادثة على آيفون وقد عُلّم اسم جهة الاتصال في الأعلى، حيث يوجد خيار التصدير.</translation>
    </message>
    <message>
        <source>An app&apos;s settings page with the request for a copy of your data marked.</source>
        <translation>صفحة إعدادات تطبيق وقد عُلّم فيها طلب نسخة من بياناتك.</translation>
    </message>
    <message>
        <source>A phone sending the exported file to a computer.</source>
        <translation>هاتف يرسل الملف المصدَّر إلى الحاسوب.</translation>
    </message>
    <message>
        <source>A table whose columns are matched to date, sender and message.</source>
        <translation>جدول رُبطت أعمدته بالتاريخ والمرسل والرسالة.</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>صورة توضيحية</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import chats</source>
        <translation>استيراد المحادثات</translation>
    </message>
    <message>
        <source>The file “%1” could not be imported.</source>
        <translation>تعذّر استيراد الملف «%1».</translation>
    </message>
    <message>
        <source>The import failed.</source>
        <translation>فشل الاستيراد.</translation>
    </message>
    <message>
        <source>Nothing was changed: everything imported before is still here.</source>
        <translation>لم يتغير شيء: كل ما استوردته من قبل ما زال محفوظًا.</translation>
    </message>
    <message>
        <source>The problem: %1</source>
        <translation>المشكلة: %1</translation>
    </message>
    <message>
        <source>this is not a chat export Guardian can read. Check that you chose the file the app saved (WhatsApp: a .txt or .zip file).</source>
        <translation>هذا ليس ملف محادثة يستطيع حارس قراءته. تأكد أنك اخترت الملف الذي حفظه التطبيق (واتساب: ملف ‎.txt‎ أو ‎.zip‎).</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>الملف فارغ.</translation>
    </message>
    <message>
        <source>the file or folder is no longer there.</source>
        <translation>الملف أو المجلد لم يعد موجودًا.</translation>
    </message>
    <message>
        <source>the file cannot be opened (is it still being copied, or on a removed drive?).</source>
        <translation>تعذّر فتح الملف (هل ما زال يُنسخ، أو هو على قرص أُزيل؟).</translation>
    </message>
    <message>
        <source>this is not an ordinary file.</source>
        <translation>هذا ليس ملفًا عاديًا.</translation>
    </message>
    <message>
        <source>the disk is full; free some space and try again.</source>
        <translation>القرص ممتلئ؛ أفرغ بعض المساحة ثم حاول مجددًا.</translation>
    </message>
    <message>
        <source>the file is damaged or incomplete; export it again.</source>
        <translation>الملف تالف أو ناقص؛ صدّره مرة أخرى.</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>تفصيل تقني: %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Insults and mockery</source>
        <translation>شتائم وسخرية</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>تهديد</translation>
    </message>
    <message>
        <source>Sexual content</source>
        <translation>محتوى جنسي</translation>
    </message>
    <message>
        <source>Blackmail</source>
        <translation>ابتزاز</translation>
    </message>
    <message>
        <source>Grooming by a stranger</source>
        <translation>استدراج من غريب</translation>
    </message>
    <message>
        <source>Rumours</source>
        <translation>نشر شائعات</translation>
    </message>
    <message>
        <source>Impersonation</source>
        <translation>انتحال شخصية</translation>
    </message>
    <message>
        <source>Exclusion</source>
        <translation>إقصاء وعزل</translation>
    </message>
    <message>
        <source>Self-harm or deep distress</source>
        <translation>إيذاء النفس أو ضيق شديد</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>منخفضة</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>متوسطة</translation>
    </message>
    <message>
        <source>High</source>
        <translation>عالية</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>حرجة</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>تمت مراجعته</translation>
    </message>
    <message>
        <source>Not a problem</source>
        <translation>لا مشكلة فيه</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>مهم</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>واتساب</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>تيليجرام</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>إنستغرام</translation>
    </message>
    <message>
        <source>Messenger</source>
        <translation>ماسنجر</translation>
    </message>
    <message>
        <source>Discord</source>
        <translation>ديسكورد</translation>
    </message>
    <message>
        <source>SMS text messages</source>
        <translation>الرسائل النصية القصيرة</translation>
    </message>
    <message>
        <source>Snapchat</source>
        <translation>سناب شات</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>سيغنال</translation>
    </message>
    <message>
        <source>A table (CSV)</source>
        <translation>جدول (CSV)</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome to Guardian. Choose your language</source>
        <translation>أهلًا بك في حارس. اختر لغتك</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Guardian is locked to keep the chats private. Enter the passphrase to continue.</source>
        <translation>حارس مقفل للحفاظ على خصوصية المحادثات. أدخل عبارة المرور للمتابعة.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;فتح القفل</translation>
    </message>
    <message>
        <source>That passphrase is not right. Each wrong try makes the next one wait a little longer.</source>
        <translation>عبارة المرور غير صحيحة. كل محاولة خاطئة تجعل المحاولة التالية تنتظر وقتًا أطول قليلًا.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Guardian</source>
        <translation>حارس</translation>
    </message>
    <message>
        <source>Guardian — demo</source>
        <translation>حارس — نسخة تجريبية</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Import chats…</source>
        <translation>&amp;استيراد محادثات…</translation>
    </message>
    <message>
        <source>&amp;Analyse again</source>
        <translation>أعِد ال&amp;تحليل</translation>
    </message>
    <message>
        <source>&amp;Export a report…</source>
        <translation>&amp;تصدير تقرير…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;إعادة</translation>
    </message>
    <message>
        <source>Mark as &amp;reviewed</source>
        <translation>علِّم بأنه &amp;تمت مراجعته</translation>
    </message>
    <message>
        <source>Mark as &amp;not a problem</source>
        <translation>علِّم بأنه &amp;لا مشكلة فيه</translation>
    </message>
    <message>
        <source>Mark as &amp;important</source>
        <translation>علِّم بأنه م&amp;هم</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>ال&amp;تنبيهات</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;نظرة عامة</translation>
    </message>
    <message>
        <source>&amp;Protect your child</source>
        <translation>&amp;احمِ طفلك</translation>
    </message>
    <message>
        <source>Go to the findings &amp;list</source>
        <translation>انتقل إلى &amp;قائمة التنبيهات</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;اللغة</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;حجم النص</translation>
    </message>
    <message>
        <source>&amp;Larger</source>
        <translation>&amp;أكبر</translation>
    </message>
    <message>
        <source>&amp;Smaller</source>
        <translation>أ&amp;صغر</translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation>&amp;عادي</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>&amp;About Guardian</source>
        <translation>&amp;عن حارس</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <source>Analysis progress</source>
        <translation>تقدّم التحليل</translation>
    </message>
    <message>
        <source>The findings could not be read. Try Analyse again.</source>
        <translation>تعذّرت قراءة التنبيهات. جرّب «أعِد التحليل».</translation>
    </message>
    <message>
        <source>Please wait until the import has finished.</source>
        <translation>انتظر من فضلك حتى ينتهي الاستيراد.</translation>
    </message>
    <message>
        <source>Mark “%1” as %2</source>
        <translation>تعليم «%1» بأنه %2</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>حُفظ: %1</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>هناك استيراد جارٍ بالفعل.</translation>
    </message>
    <message>
        <source>Reading the chats for signs of harm…</source>
        <translation>يقرأ حارس المحادثات بحثًا عن علامات الأذى…</translation>
    </message>
    <message numerus="yes">
        <source>Reading the chats: %1 of %n messages</source>
        <translation>
            <numerusform>قراءة المحادثات</numerusform>
            <numerusform>قراءة المحادثات: %1 من رسالة واحدة</numerusform>
            <numerusform>قراءة المحادثات: %1 من رسالتين</numerusform>
            <numerusform>قراءة المحادثات: %1 من %Ln رسائل</numerusform>
            <numerusform>قراءة المحادثات: %1 من %Ln رسالة</numerusform>
            <numerusform>قراءة المحادثات: %1 من %Ln رسالة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new serious findings. Open Guardian to read them.</source>
        <translation>
            <numerusform>لا تنبيهات خطيرة جديدة.</numerusform>
            <numerusform>تنبيه خطير جديد. افتح حارس لقراءته.</numerusform>
            <numerusform>تنبيهان خطيران جديدان. افتح حارس لقراءتهما.</numerusform>
            <numerusform>%Ln تنبيهات خطيرة جديدة. افتح حارس لقراءتها.</numerusform>
            <numerusform>%Ln تنبيهًا خطيرًا جديدًا. افتح حارس لقراءتها.</numerusform>
            <numerusform>%Ln تنبيه خطير جديد. افتح حارس لقراءتها.</numerusform>
        </translation>
    </message>
    <message>
        <source>Guardian cannot analyse the chats: its analysis model is missing or damaged. Reinstall Guardian. (The imported chats are safe.)</source>
        <translation>لا يستطيع حارس تحليل المحادثات: نموذج التحليل مفقود أو تالف. أعد تثبيت حارس. (المحادثات المستوردة في أمان.)</translation>
    </message>
    <message>
        <source>The analysis stopped with an error. The imported chats are safe; try Analyse again.</source>
        <translation>توقف التحليل بسبب خطأ. المحادثات المستوردة في أمان؛ جرّب &quot;أعِد التحليل&quot;.</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>جارٍ كتابة التقرير…</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>حُفظ التقرير: %1</translation>
    </message>
    <message>
        <source>Export a report</source>
        <translation>تصدير تقرير</translation>
    </message>
    <message>
        <source>The report could not be written; nothing was changed. (%1)</source>
        <translation>تعذّرت كتابة التقرير، ولم يتغيّر شيء. (%1)</translation>
    </message>
    <message>
        <source>An import is running. Stop it and quit? Nothing of it will be kept.</source>
        <translation>هناك استيراد جارٍ. هل توقفه وتخرج؟ لن يُحفظ منه شيء.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Guardian passphrase</source>
        <translation>عبارة مرور حارس</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>أعد كتابة عبارة المرور</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>عبارة المرور:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>أعد كتابتها:</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so a passphrase protects the chats. If you forget it, the imported chats cannot be recovered.</source>
        <translation>لا توجد سلسلة مفاتيح للنظام على هذا الحاسوب، لذا تحمي عبارةُ مرورٍ المحادثات. إذا نسيتها فلن يمكن استعادة المحادثات المستوردة.</translation>
    </message>
    <message>
        <source>Please enter a passphrase.</source>
        <translation>يُرجى إدخال عبارة المرور.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Please try again.</source>
        <translation>العبارتان غير متطابقتين. يُرجى المحاولة مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>A passphrase for your data</source>
        <translation>عبارة مرور لبياناتك</translation>
    </message>
    <message>
        <source>A passphrase locks the chats: Guardian asks for it each time it opens. Write it down somewhere safe: if you forget it, the imported chats are gone for good; nobody can recover them.</source>
        <translation>تقفل عبارةُ المرور المحادثات: يطلبها حارس في كل مرة يُفتح فيها. اكتبها في مكان آمن، فإذا نسيتها ضاعت المحادثات المستوردة إلى الأبد ولا يستطيع أحد استعادتها.</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so a passphrase protects the chats. Write it down somewhere safe: if you forget it, the imported chats are gone for good; nobody can recover them.</source>
        <translation>لا توجد في هذا الحاسوب سلسلة مفاتيح للنظام، لذلك تحمي عبارةُ مرور المحادثات. اكتبها في مكان آمن: إن نسيتها ضاعت المحادثات المستوردة نهائيًا، ولا يستطيع أحد استعادتها.</translation>
    </message>
    <message>
        <source>Instead, open without a passphrase whenever I am logged in to this computer (the key is kept in the system keyring)</source>
        <translation>بدلًا من ذلك، افتح دون عبارة مرور ما دام حسابي على هذا الحاسوب مفتوحًا (يُحفظ المفتاح في سلسلة مفاتيح النظام)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;عبارة المرور:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;أعد كتابتها:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>أعد كتابة عبارة المرور</translation>
    </message>
    <message>
        <source>At least 8 characters, please.</source>
        <translation>8 أحرف على الأقل من فضلك.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>العبارتان مختلفتان.</translation>
    </message>
</context>
<context>
    <name>Protect</name>
    <message>
        <source>Block</source>
        <translation>الحظر</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>الإبلاغ</translation>
    </message>
    <message>
        <source>Limit who can contact your child</source>
        <translation>تقييد من يستطيع التواصل مع طفلك</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>عوامل التصفية</translation>
    </message>
    <message>
        <source>Parental supervision</source>
        <translation>الإشراف الأبوي</translation>
    </message>
    <message>
        <source>Save the chats (export)</source>
        <translation>حفظ المحادثات (التصدير)</translation>
    </message>
    <message>
        <source>Minimum age</source>
        <translation>الحد الأدنى للعمر</translation>
    </message>
</context>
<context>
    <name>ProtectPane</name>
    <message>
        <source>Protect your child: block, report and limit contact, app by app</source>
        <translation>احمِ طفلك: الحظر والإبلاغ وتقييد التواصل، تطبيقًا تطبيقًا</translation>
    </message>
    <message>
        <source>Apps and devices</source>
        <translation>التطبيقات والأجهزة</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>الخطوات</translation>
    </message>
    <message>
        <source>Before you block</source>
        <translation>قبل الحظر</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>المصدر:</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>تاريخ التحقق</translation>
    </message>
    <message>
        <source>Guardian’s advice</source>
        <translation>نصيحة حارس</translation>
    </message>
    <message>
        <source>not confirmed by the app maker</source>
        <translation>غير مؤكد من الشركة المطوّرة للتطبيق</translation>
    </message>
    <message>
        <source>Checked on %1. Apps change their menus often.</source>
        <translation>تم التحقق في %1. تغيّر التطبيقات قوائمها كثيرًا.</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <source>Export a report</source>
        <translation>تصدير تقرير</translation>
    </message>
    <message>
        <source>A report for a school counsellor or the police: every finding with what was said, why it matters, what to do, and the original lines as evidence. Pictures and videos are never included.</source>
        <translation>تقرير للمرشد المدرسي أو للشرطة: كل تنبيه مع ما قيل، ولماذا يهم، وما يجب فعله، والأسطر الأصلية دليلًا. لا تُضمَّن الصور ولا مقاطع الفيديو أبدًا.</translation>
    </message>
    <message>
        <source>PDF (to print or send)</source>
        <translation>PDF (للطباعة أو الإرسال)</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>صفحة ويب (HTML)</translation>
    </message>
    <message>
        <source>Spreadsheet (CSV)</source>
        <translation>جدول بيانات (CSV)</translation>
    </message>
    <message>
        <source>Data (JSON)</source>
        <translation>بيانات (JSON)</translation>
    </message>
    <message>
        <source>Evidence bundle (ZIP with all formats and checksums)</source>
        <translation>حزمة أدلة (ملف ZIP بكل الصيغ مع بصمات التحقق)</translation>
    </message>
    <message>
        <source>Report format</source>
        <translation>صيغة التقرير</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>لغة التقرير</translation>
    </message>
    <message>
        <source>Hide other people&apos;s names, phone numbers and e-mails (for sharing outside the family)</source>
        <translation>إخفاء أسماء الآخرين وأرقام هواتفهم وبريدهم الإلكتروني (للمشاركة خارج الأسرة)</translation>
    </message>
    <message>
        <source>Include findings marked &quot;not a problem&quot;</source>
        <translation>تضمين التنبيهات التي وُضع عليها «لا مشكلة فيه»</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>اللغة:</translation>
    </message>
</context>
<context>
    <name>ReportPane</name>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>Choose a finding to see what it means and what to do.</source>
        <translation>اختر تنبيهًا لترى معناه وما الذي تفعله.</translation>
    </message>
    <message>
        <source>Why Guardian flagged it</source>
        <translation>لماذا نبّه حارس إليه</translation>
    </message>
    <message>
        <source>How sure Guardian is:</source>
        <translation>مدى تأكد حارس:</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>ما الذي تفعله الآن</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>ما الذي قيل</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>لماذا يهم</translation>
    </message>
    <message>
        <source>How serious</source>
        <translation>مدى الخطورة</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>المصدر:</translation>
    </message>
    <message>
        <source>Where to get help</source>
        <translation>أين تجد المساعدة</translation>
    </message>
    <message>
        <source>checked on %1</source>
        <translation>تم التحقق في %1</translation>
    </message>
    <message>
        <source>Block and report</source>
        <translation>الحظر والإبلاغ</translation>
    </message>
    <message>
        <source>Before you block:</source>
        <translation>قبل الحظر:</translation>
    </message>
    <message>
        <source>export or screenshot the chat first. Blocking or leaving can hide the history.</source>
        <translation>صدّر المحادثة أو التقط لها صورًا للشاشة أولًا؛ فالحظر أو المغادرة قد يُخفيان السجل.</translation>
    </message>
    <message>
        <source>How to block and report on %1</source>
        <translation>كيف تحظر وتبلّغ في %1</translation>
    </message>
    <message>
        <source>Guardian can be wrong. Use this to start a calm conversation with your child, not as a verdict.</source>
        <translation>قد يخطئ حارس. استخدم هذا لتبدأ حديثًا هادئًا مع طفلك، لا حكمًا نهائيًا.</translation>
    </message>
    <message>
        <source>From %1 in %2, %3.</source>
        <translation>من %1 في %2، %3.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Your decision</source>
        <translation>قرارك</translation>
    </message>
    <message>
        <source>&amp;Reviewed</source>
        <translation>تمت م&amp;راجعته</translation>
    </message>
    <message>
        <source>I have read it (Alt+R)</source>
        <translation>قرأته (Alt+R)</translation>
    </message>
    <message>
        <source>&amp;Not a problem</source>
        <translation>&amp;لا مشكلة فيه</translation>
    </message>
    <message>
        <source>Guardian was wrong here; it will not flag the same message from the same person again (Alt+N)</source>
        <translation>أخطأ حارس هنا؛ لن ينبّه إلى الرسالة نفسها من الشخص نفسه مرة أخرى (Alt+N)</translation>
    </message>
    <message>
        <source>Im&amp;portant</source>
        <translation>م&amp;هم</translation>
    </message>
    <message>
        <source>Keep this for the report and for follow-up (Alt+P)</source>
        <translation>احتفظ به للتقرير وللمتابعة (Alt+P)</translation>
    </message>
    <message>
        <source>N&amp;ote (only on this computer):</source>
        <translation>م&amp;لاحظة (تبقى على هذا الحاسوب فقط):</translation>
    </message>
    <message>
        <source>Note about this finding</source>
        <translation>ملاحظة عن هذا التنبيه</translation>
    </message>
    <message>
        <source>&amp;Save note</source>
        <translation>&amp;حفظ الملاحظة</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>&amp;إلغاء الاستيراد</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>تقدّم الاستيراد</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>قراءة الملفات…</translation>
    </message>
    <message numerus="yes">
        <source>%n messages read so far (file %1 of %2).</source>
        <translation>
            <numerusform>لم تُقرأ أي رسالة بعد (الملف %1 من %2).</numerusform>
            <numerusform>قُرئت رسالة واحدة حتى الآن (الملف %1 من %2).</numerusform>
            <numerusform>قُرئت رسالتان حتى الآن (الملف %1 من %2).</numerusform>
            <numerusform>قُرئت %Ln رسائل حتى الآن (الملف %1 من %2).</numerusform>
            <numerusform>قُرئت %Ln رسالة حتى الآن (الملف %1 من %2).</numerusform>
            <numerusform>قُرئت %Ln رسالة حتى الآن (الملف %1 من %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: %n new messages.</source>
        <translation>
            <numerusform>تم: لا رسائل جديدة.</numerusform>
            <numerusform>تم: رسالة جديدة واحدة.</numerusform>
            <numerusform>تم: رسالتان جديدتان.</numerusform>
            <numerusform>تم: %Ln رسائل جديدة.</numerusform>
            <numerusform>تم: %Ln رسالة جديدة.</numerusform>
            <numerusform>تم: %Ln رسالة جديدة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was changed.</source>
        <translation>أُلغي الاستيراد. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <source>Country for helplines</source>
        <translation>البلد لأرقام المساعدة</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <source>Your child&apos;s names</source>
        <translation>أسماء أطفالك</translation>
    </message>
    <message>
        <source>Tell me when new serious findings arrive</source>
        <translation>أخبرني عند وصول تنبيهات خطيرة جديدة</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>This computer&apos;s time zone</source>
        <translation>المنطقة الزمنية لهذا الحاسوب</translation>
    </message>
    <message>
        <source>From this computer&apos;s settings</source>
        <translation>من إعدادات هذا الحاسوب</translation>
    </message>
    <message>
        <source>e.g. Reem, Omar</source>
        <translation>مثلًا: ريم، عمر</translation>
    </message>
    <message>
        <source>How easily Guardian flags each kind of harm</source>
        <translation>مدى سهولة تنبيه حارس لكل نوع من الأذى</translation>
    </message>
    <message>
        <source>Less often (−)</source>
        <translation>أقل (−)</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>عادي</translation>
    </message>
    <message>
        <source>More often (+)</source>
        <translation>أكثر (+)</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>بياناتك</translation>
    </message>
    <message>
        <source>&amp;Open the data folder</source>
        <translation>&amp;افتح مجلد البيانات</translation>
    </message>
    <message>
        <source>&amp;Delete all data…</source>
        <translation>&amp;احذف كل البيانات…</translation>
    </message>
    <message>
        <source>Set or change the &amp;passphrase…</source>
        <translation>تعيين عبارة المرور أو تغ&amp;ييرها…</translation>
    </message>
    <message>
        <source>Guardian keeps the imported chats, encrypted, in:</source>
        <translation>يحفظ حارس المحادثات المستوردة، مشفّرة، في:</translation>
    </message>
    <message>
        <source>Connected folders</source>
        <translation>المجلدات المتصلة</translation>
    </message>
    <message>
        <source>Save new exports into a connected folder and Guardian imports them by itself while it runs.</source>
        <translation>احفظ ملفات التصدير الجديدة في مجلد متصل، وسيستوردها حارس وحده ما دام يعمل.</translation>
    </message>
    <message>
        <source>&amp;Add a folder…</source>
        <translation>&amp;أضف مجلدًا…</translation>
    </message>
    <message>
        <source>&amp;Remove the folder</source>
        <translation>أ&amp;زل المجلد</translation>
    </message>
    <message>
        <source>last import %1</source>
        <translation>آخر استيراد %1</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>لم يُفحص بعد</translation>
    </message>
    <message>
        <source>folder not found</source>
        <translation>المجلد غير موجود</translation>
    </message>
    <message>
        <source>a file could not be imported</source>
        <translation>تعذّر استيراد ملف</translation>
    </message>
    <message>
        <source>Choose a folder to connect</source>
        <translation>اختر مجلدًا لتوصيله</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>The new passphrase is set. Keep it somewhere safe: if it is forgotten, the chats cannot be recovered.</source>
        <translation>تم تعيين عبارة المرور الجديدة. احفظها في مكان آمن، فإذا نُسيت لن يمكن استعادة المحادثات.</translation>
    </message>
    <message>
        <source>Delete all data</source>
        <translation>حذف كل البيانات</translation>
    </message>
    <message>
        <source>This deletes every imported chat, every finding and your notes from this computer. It cannot be undone. Continue?</source>
        <translation>سيحذف هذا كل المحادثات المستوردة وكل التنبيهات وملاحظاتك من هذا الحاسوب، ولا يمكن التراجع عنه. هل تتابع؟</translation>
    </message>
    <message>
        <source>Are you sure? Guardian will close after deleting.</source>
        <translation>هل أنت متأكد؟ سيُغلق حارس بعد الحذف.</translation>
    </message>
</context>
<context>
    <name>StepsPage</name>
    <message>
        <source>How to save the chats from %1</source>
        <translation>كيف تحفظ المحادثات من %1</translation>
    </message>
    <message>
        <source>Follow these steps on your child&apos;s device. Take your time: nothing is sent anywhere.</source>
        <translation>اتبع هذه الخطوات على جهاز طفلك، وخذ وقتك: لا يُرسَل شيء إلى أي مكان.</translation>
    </message>
    <message>
        <source>Picture of the steps</source>
        <translation>صورة توضّح الخطوات</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show Guardian</source>
        <translation>أظهر حارس</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>حارس</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Save the report</source>
        <translation>حفظ التقرير</translation>
    </message>
</context>
</TS>
