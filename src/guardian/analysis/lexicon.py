"""Word lists behind the structural cues, as children and predators write
them across dialects and in Arabizi.  Entries are written plainly; `cues`
normalises them with the same pipeline as messages, so spelling variants
(أ/ا, ة/ه, ى/ي) need not be listed twice, and it adds the particles that
glue onto the front of a word (و، ف، ب، ل، ال; and ح، ه، ب، س on verbs).

Entries are separated by spaces; an underscore joins the words of a
phrase ("بدون_لبس").  A cue is a *combination* (a request verb and an image
word and a body word in one message), which a linear model over n-grams
cannot learn from single words: these lists are building blocks, not
keyword alarms.
"""

from __future__ import annotations

# --- asking for pictures and bodies -----------------------------------------------
REQUEST_VERBS = """
ابعت ابعتي ابعتلي ابعتيلي ابعثي ابعثلي ارسل ارسلي ارسليلي ارسلي_لي ارسل_لي طرشي طرشيلي
دزي دزيلي دزلي صوري صورلي صوريلي وريني فرجيني ورجيني خليني_اشوف ابي_اشوف بدي_شوف
نفسي_اشوف عايز_اشوف عاوز_اشوف ابغى_اشوف بغيت_نشوف بغيت_نشوفك افتحي_الكاميرا افتحي_الكام
شغلي_الكاميرا send sendme send_me show_me lemme_see let_me_see
ib3atli ib3ati ab3atli ab3tli ba3tili wareeni wariini farjini sawri sawrili
""".split()

IMAGE_WORDS = """
صوره صورة صور صورتك صورك صورتج سيلفي فيديو فديو مقطع كام كاميرا الكاميرا فيس_تايم فيستايم
لايف pic pics picture pictures photo photos selfie video vid cam camera facetime nudes
sora sura sowar sortek sortik sortak
""".split()

BODY_WORDS = """
جسمك جسمج جسمكي بدون_ملابس بلا_ملابس بدون_لبس بلا_لبس بلاش_لبس عريانه عارية عاريه عريان
ملابسك_الداخليه ملابس_داخليه لانجري بيكيني صدرك فخذك شلحي اقلعي اخلعي فصخي فسخي قلعي
بالحمام بالشاور وانتي_تتحممي body_pic naked nude undress in_the_shower bra underwear topless
bikini jismek jismik bla_hwayej
""".split()

# --- harm, and whom it is aimed at --------------------------------------------------
HARM_VERBS = """
اقتل اقتلك نقتلك اذبح اذبحك ادبحك اكسر اكسرلك اكسرك اكسر_راسك اضرب اضربك اطعن اطعنك احرق
احرقك احرقلك اسمم اسممها اسمم_قطتك اخلص_عليك اخلص_عليكي افرم افرمك اموتك نموتك اصفيك ادعس
ادعسك اخنق اخنقك اقطع_لسانك اعلقك اطخك اطخ
kill_you kill_u hurt_you stab_you beat_you_up break_your burn_your poison_your shoot_you
a2tlak a2tlek n9tlek n9atlek nqtlek adbahak adba7ak akasrlak adrbak
اذبح ادبح اقبرك ادفنك اشنقك اعدمك اسلخك اسحقك اسحلك ادوسك ارجمك افجرك اجلدك اصفعك الطشك
الطمك اركلك ارفسك اشلوطك اعورك اعميك اشوهك اشوه_وجهك اكسر_عظامك اكسر_رقبتك اكسر_وجهك
اكسر_سنانك اقلع_عينك اطلع_عينك اطلع_روحك اخلي_دمك اشرب_من_دمك اقص_لسانك اولع_فيك اولعك
امسح_بيك_الارض امسح_فيك_الارض ادفنك_حي اغتصبك اغتصبها نغتصبكم انحرك انحرها اقطعك
اقطع_راسك اقطع_ايدك افش_راسك افلق_راسك اخزق_عينك ارميك_من اعلقك_من اذبحها اقتلها اضربها
اكسرها احرقها ادعسها اسحلها اشنقها اقبرها ادفنها ارجمها
""".split()

FAMILY_WORDS = """
امك ابوك اخوك اختك اهلك عيلتك عائلتك اخواتك اخوانك بيتكم جدتك امج ابوج اهلج
your_mom your_mum your_dad your_brother your_sister your_family
ommak omak abook abuk ahlak ahlek
""".split()

PET_WORDS = """
قطتك قطك كلبك بسك بستك عصفورك طيرك سمكتك حيوانك قطوتك
your_cat your_dog your_pet
""".split()

PLACE_TIME_WORDS = """
بكره بكرة الحين هلق هلأ دلوقتي بعد_المدرسه باب_المدرسه عند_المدرسه الفسحه الفرصه الطابور
بالباص عند_بيتك طريقك الليله
tomorrow tonight after_school at_school
""".split()

# --- blackmail ---------------------------------------------------------------------------
CONDITIONALS = """
اذا لو الا وإلا والا if unless or_else otherwise ida ila_ma
""".split()

PUBLISH_VERBS = """
انشر انشرها انشرهم بنشر انشرلك افضح افضحك افضحج فضيحتك بفضحك انزلها انزلهم ارسلها ابعتها
ابعتهم اوزعها حطها_بالستوري بالستوري للقروب للمدرسه لابوك لامك لاهلك لاهلج اخبر_اهلك
اوري_اهلك اقول_لابوك اقول_لاهلك
post_them publish leak expose send_them tell_your
nsharha nenshor anshor afda7ek afda7ik afdahek
""".split()

MONEY_WORDS = """
ادفع ادفعي فلوس مصاري دراهم حولي تحويل بطاقة_ايتونز بطاقه_ايتونز ستيم بطاقة_شحن بطاقه_شحن
رصيد كاش مبلغ pay money cash gift_card itunes
""".split()

YOUR_PHOTOS = """
صورك صورتك صورج فيديوهاتك مقاطعك محادثاتنا سكرينات سكرين_شوت الصور_اللي_عندي
your_pics your_photos the_pics the_photos screenshots
""".split()

# --- grooming ---------------------------------------------------------------------------
SECRECY = """
سرنا بيني_وبينك بينا_وبس لا_تقول_لحد لا_تقولي_لحد لا_تقولي_لاحد لا_تخبري ما_تقولي_لاحد
محد_يعرف ما_حدا_يعرف ما_حد_يعرف امسحي_المحادثه امسحي_الشات امسحي_الرسايل احذفي_الشات
secret our_secret dont_tell_anyone don_t_tell_anyone between_us delete_the_chat delete_our_chat
""".split()

AGE_ALONE = """
كم_عمرك قديش_عمرك كم_سنك عمرك_كام بأي_صف باي_صف بأي_سنه لحالك وحدك بروحك اهلك_موجودين
اهلك_نايمين امك_موجوده ابوك_بالبيت لحالك_بالبيت
how_old are_you_alone home_alone asl 3omrek 3amrek 3omrik la7alek wa7dek
""".split()

PRIVATE_APPS = """
سناب سنابك تيليجرام تلجرام تليجرام انستا انستقرام ديسكورد بالخاص رقمك واتسك
snap snapchat telegram insta instagram discord dm kik
""".split()

GIFTS = """
هديه هدية هدايا اشتريلك اجيبلك شحنتلك روبوكس فيبوكس سكنات بطاقة_شحن ايفون
gift gifts robux vbucks skins giftcard
""".split()

FLATTERY = """
جميله جميلة قمر ناضجه ناضجة اكبر_من_عمرك مميزه مميزة احلى_بنت
beautiful pretty mature_for_your_age special cute
""".split()

# --- the child's own words about self-harm ----------------------------------------------
SELF_HARM = """
انتحر انتحار ابي_اموت بدي_موت ودي_اموت نفسي_اموت اقتل_نفسي اذي_نفسي اجرح_نفسي جرحت_نفسي
ودي_اختفي ابي_اختفي ما_ابي_اعيش ما_بدي_عيش مابي_اعيش تعبت_من_الحياه الحياه_ما_تستاهل
kill_myself suicide cut_myself want_to_die end_it_all bdi_mout abi_amoot ntehar
""".split()

# --- exclusion ---------------------------------------------------------------------------
NOBODY = """
محد ماحد محدش ولا_حد ولا_احد لا_احد ماحدا ولا_حدا nobody no_one noone
""".split()

ENGAGE_VERBS = """
يكلم يكلمها يكلمه يرد يرد_عليها يرد_عليه يلعب يلعب_معها يقعد_معها يجلس_معها يعزم يعزمها
يحكي_معها talk_to_her talk_to_him reply play_with
""".split()

REMOVE_VERBS = """
طلعوه طلعوها اطردوها اطردوه احذفوها احذفوه شيلوها شيلوه بلكوها بلكوه
kick_her kick_him remove_her remove_him
""".split()
