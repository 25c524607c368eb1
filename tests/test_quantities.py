"""QUANTITY: one row per case — text, surface, value, min, max, qualifier, unit.

Written for the purpose (not from the corpus). Every found mention must also
satisfy ``text[start:end] == surface``.
"""

from __future__ import annotations

import pytest

from extractor.quantities import find_quantities, parse_number

N = None
CASES = [
    ("كان في سوريا 28 موقعاً أميركياً", "28 موقعاً", 28, N, N, "exact", "sites"),
    ("وسلّم اللواء ثلاثة مقار إلى الجيش", "ثلاثة مقار", 3, N, N, "exact", "sites"),  # a number word after a unit head counts
    ("منها 24 قاعدة عسكرية", "24 قاعدة", 24, N, N, "exact", "bases"),
    ("نشرت المملكة ثلاثة أسراب من المقاتلات", "ثلاثة أسراب", 3, N, N, "exact", "سرب"),  # squadrons, not aircraft
    ("وصل سربان إلى القاعدة", "سربان", 2, N, N, "exact", "سرب"),
    ("البالغ عددهم نحو 1000 جندي", "نحو 1000 جندي", 1000, N, N, "approx", "troops"),
    ("تضم أكثر من ألفي جندي أميركي", "أكثر من ألفي جندي", 2000, N, N, "more_than", "troops"),
    ("حملت عشرات السيارات والآليات", "عشرات السيارات", N, N, N, "vague", "vehicles"),
    ("ما يقارب ١٬٥٠٠ عنصر", "ما يقارب ١٬٥٠٠ عنصر", 1500, N, N, "approx", "troops"),
    ("بين 500 و700 مقاتل", "بين 500 و700 مقاتل", N, 500, 700, "range", "troops"),
    ("من 200 إلى 300 آلية", "من 200 إلى 300 آلية", N, 200, 300, "range", "vehicles"),
    ("بين خمسمئة وسبعمئة جندي", "بين خمسمئة وسبعمئة جندي", N, 500, 700, "range", "troops"),
    ("ما بين ثمانمئة وألف مقاتل", "ما بين ثمانمئة وألف مقاتل", N, 800, 1000, "range", "troops"),  # not 800 × 1000
    ("وصل ثلاثة آلاف ومئتا جندي", "ثلاثة آلاف ومئتا جندي", 3200, N, N, "exact", "troops"),  # the construct dual
    ("يتمركز في المعسكر ألفاً ومئتي عسكري", "ألفاً ومئتي عسكري", 1200, N, N, "exact", "troops"),  # not the dual
    ("كشف الملخص أن خمس منشآت ستغلق", "خمس منشآت", 5, N, N, "exact", "منشأة"),  # its own unit
    ("أعلنت اللجنة انسحاب قاربين من السباق", "قاربين", 2, N, N, "exact", "قارب"),
    ("وصل ثلاثة آلاف وخمسمئة جندي", "ثلاثة آلاف وخمسمئة جندي", 3500, N, N, "exact", "troops"),
    ("انتشر 2.5 ألف جندي", "2.5 ألف جندي", 2500, N, N, "exact", "troops"),
    ("انتشر ٢٫٥ ألف جندي", "٢٫٥ ألف جندي", 2500, N, N, "exact", "troops"),
    ("أرسلت 3 ملايين دولار", "3 ملايين دولار", 3000000, N, N, "exact", "دولار"),
    ("وصل ۱۲۰ جندياً", "۱۲۰ جندياً", 120, N, N, "exact", "troops"),
    ("قتل خمسة وعشرون جندياً", "خمسة وعشرون جندياً", 25, N, N, "exact", "troops"),
    ("تضم خمساً وثلاثين آلية", "خمساً وثلاثين آلية", 35, N, N, "exact", "vehicles"),  # accusative
    ("قتل ثلاثة مهربين", "ثلاثة مهربين", 3, N, N, "exact", "مهرب"),  # an unlisted noun: its singular
    ("دمروا عشرات الدراجات النارية", "عشرات الدراجات", N, N, N, "vague", "دراجة"),
    ("ضبطت الدوريات نحو ثلاثة كيلوغرامات", "نحو ثلاثة كيلوغرامات", 3, N, N, "approx", "كيلوغرام"),  # masculine
    ("نصبت القوة خمسة كرفانات", "خمسة كرفانات", 5, N, N, "exact", "كرفان"),  # wordfreq knows «كرفان», not «كرفانة»
    ("أقام الجيش ثلاثة ارتكازات", "ثلاثة ارتكازات", 3, N, N, "exact", "ارتكاز"),
    ("أبحرت أربع قطع بحرية", "أربع قطع", 4, N, N, "exact", "قطعة"),  # a broken plural the table lists
    ("تعذّر الوصول إلى عشرات الضحايا", "عشرات الضحايا", N, N, N, "vague", "ضحية"),
    ("وأودى الكمين بحياة ثمانية دركيين", "ثمانية دركيين", 8, N, N, "exact", "troops"),  # gendarmes
    ("قُتل أربعة عناصر وأصيب اثنان آخران", "اثنان آخران", 2, N, N, "exact", "troops"),  # the dual of «آخر»
    ("نقلت الطائرات ٨٥٠ طناً من الأغذية", "٨٥٠ طناً", 850, N, N, "exact", "طن"),  # a short noun's tanween
    ("هدمت خمسة منازل", "خمسة منازل", 5, N, N, "exact", "منزل"),  # a broken plural the unit table lists
    ("نشرت ما يصل إلى 400 عسكري", "ما يصل إلى 400 عسكري", 400, N, N, "at_most", "troops"),
    ("انسحبت 40 آلية وجرافتين", "جرافتين", 2, N, N, "exact", "جرافة"),  # guidelines §6: no vehicle
    ("دفعت الكتيبة بنحو ٣٠ طقماً عسكرياً", "نحو ٣٠ طقماً", 30, N, N, "approx", "طقم"),
    ("عززت وجودها بفرقاطتين", "فرقاطتين", 2, N, N, "exact", "فرقاطة"),  # not in the ships row: the lemma
    ("نشرت البحرية غواصتين قبالة الساحل", "غواصتين", 2, N, N, "exact", "غواصة"),
    ("ونصب جيبان عسكريان حاجزاً", "جيبان", 2, N, N, "exact", "جيب"),
    ("أعلنت الوزارة دمج سبعة فصائل في الفرقة", "سبعة فصائل", 7, N, N, "exact", "فصيل"),  # a broken plural's lemma
    # broken plurals no unit row lists take the singular of quantities.yaml ``broken_plurals``
    ("سيطر الجيش على ثلاث قرى", "ثلاث قرى", 3, N, N, "exact", "قرية"),
    ("أقرت خطة من ثلاث مراحل", "ثلاث مراحل", 3, N, N, "exact", "مرحلة"),
    ("كنا نمر على سبعة أكمنة", "سبعة أكمنة", 7, N, N, "exact", "كمين"),
    ("دمرت الغارة 5 مستشفيات", "5 مستشفيات", 5, N, N, "exact", "مستشفى"),
    ("فكك المهندسون عشرات الألغام", "عشرات الألغام", N, N, N, "vague", "لغم"),  # «ألغام»: no article yet
    ("قال 27 مزارعاً إن الري توقف", "27 مزارعاً", 27, N, N, "exact", "مزارع"),  # farmers, not farms
    # prisoners, women and detainees are not the `people` row of guidelines §6: their lemma
    ("أفرج الطرفان عن ٤٨ أسيراً", "٤٨ أسيراً", 48, N, N, "exact", "أسير"),
    ("قتلت امرأتان في القصف", "امرأتان", 2, N, N, "exact", "امرأة"),
    ("قتل ثلاثة أطفال في القصف", "ثلاثة أطفال", 3, N, N, "exact", "people"),
    ("قُتل سبعة رعاة قرب البئر", "سبعة رعاة", 7, N, N, "exact", "راعي"),  # the nisba dual agrees, outside
    ("وضبطت 12 ألف طن من الوقود", "12 ألف طن", 12000, N, N, "exact", "طن"),
    ("احترقت ثلاث عجلات عسكرية", "ثلاث عجلات", 3, N, N, "exact", "vehicles"),  # Iraqi usage
    ("دمرت ثلاثاً وعشرين مدرعة", "ثلاثاً وعشرين مدرعة", 23, N, N, "exact", "vehicles"),
    ("أحد عشر جندياً", "أحد عشر جندياً", 11, N, N, "exact", "troops"),
    ("ثلاثة عشر قتيلا", "ثلاثة عشر قتيلا", 13, N, N, "exact", "killed"),
    ("مئة وخمسون آلية", "مئة وخمسون آلية", 150, N, N, "exact", "vehicles"),
    ("نشر مئتي جندي", "مئتي جندي", 200, N, N, "exact", "troops"),
    ("نشر خمسمائة جندي", "خمسمائة جندي", 500, N, N, "exact", "troops"),
    ("ألف ونصف جندي", "ألف ونصف جندي", 1500, N, N, "exact", "troops"),
    ("قتل ضابط وثلاثة جنود", "ثلاثة جنود", 3, N, N, "exact", "troops"),
    ("وعشرات الجنود", "عشرات الجنود", N, N, N, "vague", "troops"),
    ("عشرات من الجنود", "عشرات من الجنود", N, N, N, "vague", "troops"),
    ("نشر الجيش بضع مئات من الجنود", "بضع مئات من الجنود", N, N, N, "vague", "troops"),
    ("نزح مئات الآلاف من المدنيين", "مئات الآلاف من المدنيين", N, N, N, "vague", "people"),
    ("أرسلت بضعة آلاف من الجنود", "بضعة آلاف من الجنود", N, N, N, "vague", "troops"),
    ("مئات المقاتلين", "مئات المقاتلين", N, N, N, "vague", "troops"),
    ("بضعة جنود", "بضعة جنود", N, N, N, "vague", "troops"),
    ("هاجم ما بين ثمانية واثني عشر مسلحاً القرية", "ما بين ثمانية واثني عشر مسلحاً", N, 8, 12, "range", "troops"),  # ones after ones: a second number
    ("500 جندي على الأقل", "500 جندي", 500, N, N, "at_least", "troops"),
    ("ما أدى إلى سقوط قتيلين على الأقل", "قتيلين", 2, N, N, "at_least", "killed"),  # after a dual too
    ("ووصلت أربعة أرتال إلى البلدة", "أربعة أرتال", 4, N, N, "exact", "رتل"),  # convoys, not vehicles
    ("ووصلت ناقلتي جند إلى البلدة", "ناقلتي جند", 2, N, N, "exact", "vehicles"),  # a two-word noun's dual
    ("أصابت طائرتان من دون طيار قافلة", "طائرتان من دون طيار", 2, N, N, "exact", "drones"),  # a noun of four words
    ("أطلقت الحركة ست قذائف هاون على الأقل", "ست قذائف", 6, N, N, "at_least", "shells"),  # past the weapon's genitive
    ("أسقطت الدفاعات ثلاث طائرات بدون طيار", "ثلاث طائرات بدون طيار", 3, N, N, "exact", "drones"),
    ("تسلّمت القوات ثلاث سيطرات أمس", "ثلاث سيطرات", 3, N, N, "exact", "سيطره"),  # «سي…ات» is a plural, not a future verb
    ("قُتل سبعة جنود ماليين على الأقل", "سبعة جنود", 7, N, N, "at_least", "troops"),  # past a nisba
    ("تدمير ثلاث آليات مسلحة على الأقل", "ثلاث آليات", 3, N, N, "at_least", "vehicles"),
    ("أقل من 100 جندي", "أقل من 100 جندي", 100, N, N, "less_than", "troops"),
    ("لا يتجاوز 300 عسكري", "لا يتجاوز 300 عسكري", 300, N, N, "at_most", "troops"),
    ("عزز انتشاره بأكثر من ٥٠٠ عسكري", "أكثر من ٥٠٠ عسكري", 500, N, N, "more_than", "troops"),
    ("حوالي 40 مدرعة", "حوالي 40 مدرعة", 40, N, N, "approx", "vehicles"),
    ("قرابة 60 دبابة", "قرابة 60 دبابة", 60, N, N, "approx", "vehicles"),
    ("زهاء 20 طائرة", "زهاء 20 طائرة", 20, N, N, "approx", "aircraft"),
    ("قتل جنديان", "جنديان", 2, N, N, "exact", "troops"),
    ("دمرت الغارة منصتي صواريخ", "منصتي", 2, N, N, "exact", "منصة"),  # construct before a noun: a count
    ("أقام الجيش نقطتي تفتيش على الطريق", "نقطتي", 2, N, N, "exact", "sites"),  # a site's dual before a noun
    ("نشرت بطاريتي «باتريوت» على هضبة", "بطاريتي", 2, N, N, "exact", "بطارية"),  # one quoted type: a count
    ("أطلق صاروخين", "صاروخين", 2, N, N, "exact", "missiles"),
    ("دمرت الغارة مستودعين للأسلحة", "مستودعين", 2, N, N, "exact", "مستودع"),  # a lemma row's dual
    ("قصفت المسيرات مهبطين للطائرات", "مهبطين", 2, N, N, "exact", "مهبط"),  # airstrips
    ("أصيب مواطنان في القصف", "مواطنان", 2, N, N, "exact", "مواطن"),
    ("ضبطت الدورية بندقيتين آليتين", "بندقيتين", 2, N, N, "exact", "بندقية"),  # «آلية» here is an adjective
    ("أحرقت الغارة عربتين مدرعتين", "عربتين", 2, N, N, "exact", "vehicles"),  # the same unit: outside
    ("اعتقلت القوة قياديين اثنين", "قياديين اثنين", 2, N, N, "exact", "قيادي"),  # «قياديين» alone is a plural
    # a dual behind a proclitic, and its agreeing adjective (which may say what is counted)
    ("هاجموا الموقع بطائرتين مسيّرتين", "طائرتين مسيّرتين", 2, N, N, "exact", "drones"),
    ("أسقطت الدفاعات طائرتين حربيتين", "طائرتين", 2, N, N, "exact", "aircraft"),
    ("نشر الجيش كتيبتين وسريّتين", "كتيبتين", 2, N, N, "exact", "كتيبة"),
    ("نشر الجيش كتيبتين وسريّتين", "سريّتين", 2, N, N, "exact", "سرية"),
    ("سحبت القيادة ما لا يقل عن ثلاثة ألوية من الجبهة", "ما لا يقل عن ثلاثة ألوية", 3, N, N, "at_least", "لواء"),
    ("ستدفع القيادة بلواءين إلى الجبهة", "لواءين", 2, N, N, "exact", "لواء"),
    # a broken plural's unit is its singular; the singular gives the dual
    ("دمرت الغارات ٧ منازل في البلدة", "٧ منازل", 7, N, N, "exact", "منزل"),
    ("وأصيب شابين بجروح طفيفة", "شابين", 2, N, N, "exact", "شاب"),
    ("أغلقت القوات ثلاثة معابر حدودية", "ثلاثة معابر", 3, N, N, "exact", "معبر"),
    ("نصبت القوات ثلاث بطاريات", "ثلاث بطاريات", 3, N, N, "exact", "بطارية"),
    ("نشر الجيش منظومتي دفاع جوي", "منظومتي", 2, N, N, "exact", "منظومة"),
    ("تسلّم الجيش قاعدتين قرب الحدود", "قاعدتين", 2, N, N, "exact", "bases"),
    ("ستبقي واشنطن على قاعدتين أو ثلاث", "قاعدتين أو ثلاث", N, 2, 3, "range", "bases"),  # dual or number
    ("تفجير عبوتين ناسفتين", "عبوتين", 2, N, N, "exact", "عبوة"),
    # a fatha before «ين» makes a dual of what is spelt as a plural without vowels
    ("أسفر عن إصابة عسكريَّين بجروح", "عسكريَّين", 2, N, N, "exact", "troops"),
    ("ما أدى إلى مقتل مدنيَّيْن", "مدنيَّيْن", 2, N, N, "exact", "people"),
    ("على بعد أقل من كيلومترين", "أقل من كيلومترين", 2, N, N, "less_than", "km"),
    # «عشر» alone is ten, not the second word of a teen; «عدة» is vague
    ("أطلق المسلحون عشر قذائف", "عشر قذائف", 10, N, N, "exact", "shells"),
    ("عبرت أكثر من عشر سفن المضيق", "أكثر من عشر سفن", 10, N, N, "more_than", "ships"),
    ("أطلقوا عدة صواريخ", "عدة صواريخ", N, N, N, "vague", "missiles"),
    # a proclitic on the first number word stays outside the mention
    ("قصفوا البلدة بعشر قذائف", "عشر قذائف", 10, N, N, "exact", "shells"),
    ("قصفوا المواقع بعشرات القذائف", "عشرات القذائف", N, N, N, "vague", "shells"),
    ("استهدفت المدمرة بعدة صواريخ", "عدة صواريخ", N, N, N, "vague", "missiles"),
    ("تعزيزات بثلاثة آلاف جندي", "ثلاثة آلاف جندي", 3000, N, N, "exact", "troops"),
    ("لم يتبق سوى قاعدة واحدة", "قاعدة واحدة", 1, N, N, "exact", "bases"),
    # a definite plural of sites and its definite number count them
    ("دعا إلى انسحاب القوات من النقاط الخمس التي تحتفظ بها", "النقاط الخمس", 5, N, N, "exact", "sites"),
    ("لا تزال تحتل التلال الخمس", "التلال الخمس", 5, N, N, "exact", "تلة"),
    ("تحتفظ فيه القوات بكتيبة واحدة", "كتيبة واحدة", 1, N, N, "exact", "كتيبة"),  # the noun's ب outside
    ("لن تسحب جندياً واحداً من الإقليم", "جندياً واحداً", 1, N, N, "exact", "troops"),  # both accusative
    ("أسفر الهجوم عن استشهاد شرطيَّين", "شرطيَّين", 2, N, N, "exact", "troops"),  # a dual, vowelled
    ("قررت القيادة نشر فصيلين من المهندسين", "فصيلين", 2, N, N, "exact", "فصيل"),  # platoons
    ("أكدت فقدان صيادَين قرب الساحل", "صيادَين", 2, N, N, "exact", "صياد"),  # vowelled dual of any noun
    ("قتل منتسبَين من الفوج", "منتسبَين", 2, N, N, "exact", "troops"),
    ("انتشرت نصف كتيبة من الشرطة العسكرية", "نصف كتيبة", 0.5, N, N, "exact", "كتيبة"),  # a half leads
    ("دفعت الفرقة بنصف سرية إضافية", "نصف سرية", 0.5, N, N, "exact", "سرية"),
    ("ارتفع منسوب المياه 0.5 سنتيمتر", "0.5 سنتيمتر", 0.5, N, N, "exact", "سنتيمتر"),  # digits, not «نصف»
    ("زار المعبر أكثر من نصف مليون زائر", "أكثر من نصف مليون زائر", 500000, N, N, "more_than", "زائر"),
    ("نشر بين 500-700 جندي", "بين 500-700 جندي", N, 500, 700, "range", "troops"),  # a dash joins the bounds
    ("ضمت عشرين آلية وبين 150 و200 عنصر", "بين 150 و200 عنصر", N, 150, 200, "range", "troops"),  # «وبين»
    ("ينتشر ما بين 4 و5 آلاف جندي", "ما بين 4 و5 آلاف جندي", N, 4000, 5000, "range", "troops"),  # two-word opener
    ("تنتشر وحدات في 40 إلى 50 نقطة ثابتة", "40 إلى 50 نقطة", N, 40, 50, "range", "sites"),  # no opener: near bounds
    ("ارتفعت الحصيلة منذ أكتوبر 2023 إلى ٤٠٦٠٢ شهيداً", "٤٠٦٠٢ شهيداً", 40602, N, N, "exact", "شهيد"),  # a year, no bound
    ("تنشر ما لا يزيد على 3200 عنصر", "ما لا يزيد على 3200 عنصر", 3200, N, N, "at_most", "troops"),
    ("تتراوح بين 5 و10 آلاف جنيه", "بين 5 و10 آلاف جنيه", N, 5000, 10000, "range", "جنيه"),  # one scale
    ("قتلت القوات سبعة من المتسللين", "سبعة من المتسللين", 7, N, N, "exact", "متسلل"),  # out of a group
    ("أصيب ثلاثة من الجنود", "ثلاثة من الجنود", 3, N, N, "exact", "troops"),
    ("أسفر عن إصابة مقيمَين يمنيَّين", "مقيمَين", 2, N, N, "exact", "مقيم"),  # a vowelled dual adjective agrees
    ("ارتفع منسوب النهر نحو مترين", "نحو مترين", 2, N, N, "approx", "متر"),
    ("جنود يبلغ عددهم 500", "جنود يبلغ عددهم 500", 500, N, N, "exact", "troops"),
    ("و24 قاعدة", "24 قاعدة", 24, N, N, "exact", "bases"),
    ("انضمت 12 دولة", "12 دولة", 12, N, N, "exact", "دولة"),
    ("أخليت خمس قرى", "خمس قرى", 5, N, N, "exact", "قرية"),  # a broken plural: its singular
    ("ارتفعت بنسبة 30%", "30%", 30, N, N, "exact", "percent"),
    ("أصيب 7 آخرين", "7 آخرين", 7, N, N, "exact", "people"),
    ("تبعد 15 كيلومترا", "15 كيلومترا", 15, N, N, "exact", "km"),
    ("1.000 جندي", "1.000 جندي", 1000, N, N, "exact", "troops"),
    ("قتل ما لا يقل عن 15 مقاتلاً", "ما لا يقل عن 15 مقاتلاً", 15, N, N, "at_least", "troops"),
    ("وصل 400 جندي تقريباً", "400 جندي", 400, N, N, "approx", "troops"),
    ("مقتل ١٢ جندياً وإصابة ٩ آخرين", "٩ آخرين", 9, N, N, "exact", "troops"),
    ("مقتل ستة أشخاص، بينهم عنصران من حزب الله، وإصابة ١٤ آخرين", "١٤ آخرين", 14, N, N, "exact", "people"),  # past a subset
    ("قُتل اثنا عشر جندياً على الأقل من القوات المسلحة المالية (فاما) وأُصيب ١٧ آخرون", "١٧ آخرون", 17, N, N, "exact",
     "troops"),  # past an aside
    ("استهدفت مسيّرة بصاروخين مركبة ما أدى إلى إصابة ثلاثة آخرين", "ثلاثة آخرين", 3, N, N, "exact", "people"),  # not missiles
    ("أسقطت 3 مسيّرات وأصابت 2 أخرى. وجرح 4 آخرون", "4 آخرون", 4, N, N, "exact", "people"),
    ("منحة قيمتها سبعة ملايين وربع المليون دولار", "سبعة ملايين وربع المليون دولار", 7250000, N, N, "exact", "دولار"),
    ("يقطنها أكثر من ربع مليون شخص", "أكثر من ربع مليون شخص", 250000, N, N, "more_than", "people"),
    ("نزح مليون ونصف المليون شخص", "مليون ونصف المليون شخص", 1500000, N, N, "exact", "people"),
    ("أرسلت ربع كتيبة إلى المعبر", "ربع كتيبة", 0.25, N, N, "exact", "كتيبة"),
    ("بعمق لا تقل عن ٣٠٠ متر", "لا تقل عن ٣٠٠ متر", 300, N, N, "at_least", "متر"),
    ("على مسافة لا تتجاوز 200 متر", "لا تتجاوز 200 متر", 200, N, N, "at_most", "متر"),
    ("على مسافة تقارب ثلاثة كيلومترات", "تقارب ثلاثة كيلومترات", 3, N, N, "approx", "km"),
    ("مساحة تزيد على 40 كيلومترا", "تزيد على 40 كيلومترا", 40, N, N, "more_than", "km"),
    # digits after «و» add to a number that ended on a larger scale; «ألفاً» after 11 to 99
    ("بقوام ما لا يتجاوز 11 ألفاً و900 عنصر", "ما لا يتجاوز 11 ألفاً و900 عنصر", 11900, N, N, "at_most", "troops"),
    ("ونشرت 3 آلاف و500 جندي", "3 آلاف و500 جندي", 3500, N, N, "exact", "troops"),
    ("نحو ألفين و300 مقاتل", "نحو ألفين و300 مقاتل", 2300, N, N, "approx", "troops"),
    ("بقوام أحد عشر ألفاً وتسعمئة عنصر", "أحد عشر ألفاً وتسعمئة عنصر", 11900, N, N, "exact", "troops"),
    ("يضم عشرين ألفاً من المقاتلين", "عشرين ألفاً من المقاتلين", 20000, N, N, "exact", "troops"),
    ("ما بين 3 آلاف و5 آلاف جندي", "ما بين 3 آلاف و5 آلاف جندي", N, 3000, 5000, "range", "troops"),
    ("بين ثلاثة آلاف وخمسة آلاف جندي", "بين ثلاثة آلاف وخمسة آلاف جندي", N, 3000, 5000, "range", "troops"),
    # a unit after its number word, and the lemmas of the nouns agencies count
    ("ولم تبقَ في النقطة سوى فصيلة واحدة", "فصيلة واحدة", 1, N, N, "exact", "فصيلة"),
    ("• قلقيلية: شهيدان / ١١ جريحاً", "شهيدان", 2, N, N, "exact", "شهيد"),
    ("• نابلس: شهيد واحد / ٧ جرحى", "شهيد واحد", 1, N, N, "exact", "شهيد"),
    ("رصد الفريق ست حظائر جديدة", "ست حظائر", 6, N, N, "exact", "حظيرة"),
    ("تتمركز في خمس تلال داخل الأراضي اللبنانية", "خمس تلال", 5, N, N, "exact", "تلة"),
]

# Numbers that are not counts: years, dates, ordinals and names, ages, durations.
NOT_COUNTS = [
    "إن الفوجين التابعين للواء 52 انتشرا في آب 2023",  # a unit's number before a dual verb
    "وتعتزم قوات ٧٠ تسليم المواقع إلى الجيش",  # before an event's noun
    "وأضاف أن كتيبة من اللواء 71 التابع للفرقة 54 ستتمركز في المطار",  # a unit's number, then a verb in the future
    "قصفت المدفعية المنطقة بقذائف من عيار ١٥٥ ملم",  # a calibre
    "نشرت الصحف الثلاث الخبر",  # a definite count of other nouns: the corpus leaves it
    "انسحبت من المواقع الثلاثة عشر",  # (a teen: the grammar's, not the definite pair's)
    "دمّرت الغارة عدد من المنازل",  # «عدد من» is not among the guidelines' vague counts (§6)
    "تدرس البعثة خفض عديد جنود حفظ السلام",  # «عديد»: a force's headcount, no count
    "انسحبت الكتائب من المدينة دفعة واحدة",  # «دفعة واحدة»: at once
    "سيطر اللواء على القاعدة 17 والمعسكر 27",  # و opens the next phrase: no counted noun
    "قصفت الطائرات منزلاً لأحد كبار المهربين",  # «لأحد كبار»: one of them, behind a preposition
    "صدمت مركبة أحد المستوطنين شاباً قرب الحاجز",  # «أحد» + a genitive: one of them
    "وبقية الرتل تصل إلى محطة T2 فجراً",  # digits glued to a Latin letter: a name
    "خصصت الوزارة الرقم المجاني 1330 للإبلاغ عن أي اعتداء",  # a preposition's phrase, no counted noun
    "صُنّفت لجنة مدرسة 30 يونيو عالية الحساسية",  # a month: a date in a name
    "ستتسلم الكتيبة النقطة 2-14 قرب بلدة المعشوق",  # a post's number, then a preposition
    "أصدرت السلطات إشعاراً يحمل الرقم A0412/26 بإغلاق المجال الجوي",  # a code's digits
    "خرج بالمركب المسجّل برقم غ-1187 ليؤمّن سحور العائلة",  # a plate number
    "قالت إن المحال فقدت نصف قاعدة زبائنها",  # half of something possessed: a share
    "سيطر المسلحون على نصف المساحة",
    "وصلت القوات يوم 3 من الشهر الجاري",  # «من» + a definite noun that counts nothing
    "وجنود يبلغ عددهم 500 انتشروا في البلدة",  # a past plural verb after the number counts nothing
    "قالت ابنة أحد المعتقلَين إن والدها اعتقل",  # a definite dual after «أحد»
    "وقع الاقتحام قرابة الحادية عشرة ليلاً",  # the second word of an ordinal (a clock hour)
    "وصلت تعزيزات من اللواء الرابع عشر قادمة من المعسكر",
    "لو انسحبنا ليلة واحدة لعاد المسلحون",  # «واحدة» follows its noun; it counts no word after it
    "٠٧:٥٠ وصلت إلى مطار القامشلي مروحيات روسية",  # a live blog's time stamp
    "البند 4\n\n• دفعت قوات الدعم السريع بتعزيزات",  # a line break ends a count before its noun
    "في العام 2024 انسحبت القوات",
    "نفذت الفرقة 82 تدريبات",
    "تمركز اللواء 47 قرب الحدود",
    "وقع الهجوم في 23/2/2026",
    "استمرت الحملة 60 يوماً",
    "عمره 30 عاماً",
    "بعد أكثر من أربعة عقود على إنشائها",  # decades: a duration
    "قتل أحد الجرحى",
    "هاجموا البرج 22 العسكري",
    "اتصل على الرقم 0096170123456",
    "استمرت العملية ثلاث سنوات",
    "قال إن الوضع مستقر",
    "انتشرت القوات في قريتي الحسينية والعامرية",  # a dual descriptor names places
    "وصلت التعزيزات إلى مدينتي الأبيض وبارا",
    "أصيب العسكريِّين بجروح",
    "أفادت تقارير بتعرّض أحد مواقعكم لهجوم",  # «one of», not a count of one
    "قصفت المدفعية إحدى ساحات البلدة",
    "سقطت القذائف، اثنتان منها في البلدة وواحدة باتجاه الوادي",  # «of them», a direction: no noun
    "استمر الحصار أكثر من ١٨ شهراً",  # a duration in the accusative
    "تداولت حسابات على منصتي «إكس» و«تيك توك» مقطعاً",  # a dual in construct before quoted names
    "استهدف الهجوم منشأتي بقيق وخريص النفطيتين",  # a site's dual before names names the two sites
    "أخلت فرنسا قاعدتي فايا-لارجو وأبشي",
    "وحدة الرصد والتحقق – فاليتا  على مدى ثلاثة أسابيع",  # a construct «آليتا» needs its noun: Valletta
    "رُصد الزورقان عند ٢٦ درجة و٣٤ دقيقة شمالاً و٥٦ درجة شرقاً",  # coordinates
    "بلغت الحرارة 45 درجة مئوية",
    "تفتّش القوة المركبات واحدة واحدة",  # one by one
    "تفتّش القوة المركبات واحدة تلو الأخرى",
    "تأخرت الدورية ربع ساعة",  # a share of a duration
    "أفاد به مصدران عسكريان سوريان",  # a nisba dual agrees with the dual before it
]


@pytest.mark.parametrize("text, surface, value, low, high, qualifier, unit", CASES,
                         ids=[f"q{i:02d}" for i in range(len(CASES))])
def test_quantities(text, surface, value, low, high, qualifier, unit) -> None:
    found = find_quantities(text)
    for quantity in found:
        assert text[quantity.start:quantity.end] == quantity.surface
        assert text[quantity.number_start:quantity.number_end]
    got = [(q.surface, q.value, q.min, q.max, q.qualifier, q.unit) for q in found]
    assert (surface, value, low, high, qualifier, unit) in got, got


@pytest.mark.parametrize("text, surfaces", [
    ("ضبطت الدورية بندقيتين آليتين", ["بندقيتين"]),  # the dual adjective counts nothing apart
    ("دفع الجيش بكتيبتين آليتين", ["كتيبتين"]),
    ("قتل طفلان وأسيران", ["طفلان", "أسيران"]),  # after «و» a dual is a count of its own
])
def test_a_dual_after_a_dual_is_its_adjective(text, surfaces) -> None:
    assert [q.surface for q in find_quantities(text)] == surfaces


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_counts(text) -> None:
    assert [q.surface for q in find_quantities(text) if q.unit not in ("percent",)] == []


@pytest.mark.parametrize("text, value", [
    ("ألفي", 2000), ("2.5 ألف", 2500), ("١٬٠٠٠", 1000), ("ثلاثة آلاف وخمسمئة", 3500),
    ("مئتي", 200), ("عشرون", 20), ("مليون", 1000000), ("جندي", None),
    ("11 ألفاً", 11000), ("11 ألفاً و900", 11900), ("ألف و200", 1200), ("مليون و200 ألف", 1200000),
    ("ثلاثة ملايين وخمسمئة ألف", 3500000), ("ثلاثة آلاف وخمسة آلاف", None), ("ألفا", 2000),
])
def test_parse_number(text, value) -> None:
    assert parse_number(text) == value
