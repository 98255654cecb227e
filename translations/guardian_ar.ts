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
</context>
<context>
    <name>FindingsPane</name>
    <message>
        <source>Findings</source>
        <translation>التنبيهات</translation>
    </message>
    <message>
        <source>No findings to show. Findings appear here once Guardian has analysed the imported chats.</source>
        <translation>لا توجد تنبيهات لعرضها. تظهر التنبيهات هنا بعد أن يحلّل حارس المحادثات المستوردة.</translation>
    </message>
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
        <source>Time</source>
        <translation>الوقت</translation>
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
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;اللغة</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>&amp;About Guardian</source>
        <translation>&amp;عن حارس</translation>
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
    <name>ReportPane</name>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>Choose a conversation to read it here.</source>
        <translation>اختر محادثة لقراءتها هنا.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <source>This conversation has no messages.</source>
        <translation>لا توجد رسائل في هذه المحادثة.</translation>
    </message>
    <message>
        <source>[attachment]</source>
        <translation>[مرفق]</translation>
    </message>
</context>
</TS>
