/**
 * The built-in SMS wording, per kind and language: data, not code. Missions may replace any of
 * them (sms_templates); these apply wherever they have not. Placeholders are {{name}} style.
 * "Label: value" phrasing keeps the sentences right whatever is filled in, in languages whose
 * grammar would otherwise bend around a date or a place name.
 */
export const smsTemplateKinds = ['flight_details', 'booking_cancelled', 'booking_changed'] as const;
export type SmsTemplateKind = (typeof smsTemplateKinds)[number];

/** The variables each kind needs; rendering refuses a template with one missing. */
export const smsTemplateVariables: Record<SmsTemplateKind, readonly string[]> = {
  flight_details: [
    'name',
    'date',
    'flightNumber',
    'departureAirport',
    'departureTime',
    'meetingPoint',
    'meetingTime',
  ],
  booking_cancelled: ['name', 'date', 'flightNumber'],
  booking_changed: [
    'name',
    'date',
    'flightNumber',
    'departureAirport',
    'departureTime',
    'meetingPoint',
    'meetingTime',
  ],
};

/** The language used when a migrant's language has no wording. */
export const FALLBACK_LANGUAGE = 'en';

type Wording = Record<SmsTemplateKind, string>;

export const defaultSmsTemplates: Record<string, Wording> = {
  en: {
    flight_details:
      'IOM: Dear {{name}}, your flight {{flightNumber}} leaves {{departureAirport}} on {{date}} at {{departureTime}}. Please be at {{meetingPoint}} at {{meetingTime}}.',
    booking_cancelled:
      'IOM: Dear {{name}}, your flight {{flightNumber}} on {{date}} has been cancelled. IOM will contact you about a new date.',
    booking_changed:
      'IOM: Dear {{name}}, your flight has changed. New flight: {{flightNumber}} from {{departureAirport}} on {{date}} at {{departureTime}}. Please be at {{meetingPoint}} at {{meetingTime}}.',
  },
  nl: {
    flight_details:
      'IOM: Beste {{name}}, uw vlucht {{flightNumber}} vertrekt op {{date}} om {{departureTime}} van {{departureAirport}}. Wees om {{meetingTime}} bij {{meetingPoint}}.',
    booking_cancelled:
      'IOM: Beste {{name}}, uw vlucht {{flightNumber}} op {{date}} is geannuleerd. IOM neemt contact met u op over een nieuwe datum.',
    booking_changed:
      'IOM: Beste {{name}}, uw vlucht is gewijzigd. Nieuwe vlucht: {{flightNumber}} vanaf {{departureAirport}} op {{date}} om {{departureTime}}. Wees om {{meetingTime}} bij {{meetingPoint}}.',
  },
  fr: {
    flight_details:
      'OIM : Bonjour {{name}}, votre vol {{flightNumber}} part de {{departureAirport}} le {{date}} à {{departureTime}}. Soyez au point de rendez-vous {{meetingPoint}} à {{meetingTime}}.',
    booking_cancelled:
      "OIM : Bonjour {{name}}, votre vol {{flightNumber}} du {{date}} est annulé. L'OIM vous contactera pour une nouvelle date.",
    booking_changed:
      'OIM : Bonjour {{name}}, votre vol a changé. Nouveau vol : {{flightNumber}} au départ de {{departureAirport}} le {{date}} à {{departureTime}}. Soyez au point de rendez-vous {{meetingPoint}} à {{meetingTime}}.',
  },
  es: {
    flight_details:
      'OIM: Hola {{name}}, su vuelo {{flightNumber}} sale de {{departureAirport}} el {{date}} a las {{departureTime}}. Punto de encuentro: {{meetingPoint}} a las {{meetingTime}}.',
    booking_cancelled:
      'OIM: Hola {{name}}, su vuelo {{flightNumber}} del {{date}} ha sido cancelado. La OIM le contactará para una nueva fecha.',
    booking_changed:
      'OIM: Hola {{name}}, su vuelo ha cambiado. Nuevo vuelo: {{flightNumber}} desde {{departureAirport}} el {{date}} a las {{departureTime}}. Punto de encuentro: {{meetingPoint}} a las {{meetingTime}}.',
  },
  pt: {
    flight_details:
      'OIM: Olá {{name}}, o seu voo {{flightNumber}} parte de {{departureAirport}} em {{date}} às {{departureTime}}. Ponto de encontro: {{meetingPoint}} às {{meetingTime}}.',
    booking_cancelled:
      'OIM: Olá {{name}}, o seu voo {{flightNumber}} de {{date}} foi cancelado. A OIM vai contactá-lo sobre uma nova data.',
    booking_changed:
      'OIM: Olá {{name}}, o seu voo mudou. Novo voo: {{flightNumber}} de {{departureAirport}} em {{date}} às {{departureTime}}. Ponto de encontro: {{meetingPoint}} às {{meetingTime}}.',
  },
  tr: {
    flight_details:
      'IOM: Sayın {{name}}, uçuşunuz: {{flightNumber}}. Kalkış: {{departureAirport}}, {{date}} saat {{departureTime}}. Buluşma yeri: {{meetingPoint}}, saat {{meetingTime}}.',
    booking_cancelled:
      'IOM: Sayın {{name}}, {{date}} tarihli {{flightNumber}} uçuşunuz iptal edildi. Yeni tarih için IOM sizinle iletişime geçecek.',
    booking_changed:
      'IOM: Sayın {{name}}, uçuşunuz değişti. Yeni uçuş: {{flightNumber}}. Kalkış: {{departureAirport}}, {{date}} saat {{departureTime}}. Buluşma yeri: {{meetingPoint}}, saat {{meetingTime}}.',
  },
  ru: {
    flight_details:
      'МОМ: {{name}}, ваш рейс {{flightNumber}}. Вылет: {{departureAirport}}, {{date}} в {{departureTime}}. Место встречи: {{meetingPoint}} в {{meetingTime}}.',
    booking_cancelled:
      'МОМ: {{name}}, ваш рейс {{flightNumber}} на {{date}} отменён. МОМ свяжется с вами насчёт новой даты.',
    booking_changed:
      'МОМ: {{name}}, ваш рейс изменён. Новый рейс: {{flightNumber}}. Вылет: {{departureAirport}}, {{date}} в {{departureTime}}. Место встречи: {{meetingPoint}} в {{meetingTime}}.',
  },
  uk: {
    flight_details:
      'МОМ: {{name}}, ваш рейс {{flightNumber}}. Виліт: {{departureAirport}}, {{date}} о {{departureTime}}. Місце зустрічі: {{meetingPoint}} о {{meetingTime}}.',
    booking_cancelled:
      "МОМ: {{name}}, ваш рейс {{flightNumber}} на {{date}} скасовано. МОМ зв'яжеться з вами щодо нової дати.",
    booking_changed:
      'МОМ: {{name}}, ваш рейс змінено. Новий рейс: {{flightNumber}}. Виліт: {{departureAirport}}, {{date}} о {{departureTime}}. Місце зустрічі: {{meetingPoint}} о {{meetingTime}}.',
  },
  ar: {
    flight_details:
      'المنظمة الدولية للهجرة: عزيزي/عزيزتي {{name}}، رحلتك {{flightNumber}}. المغادرة: {{departureAirport}}، {{date}} الساعة {{departureTime}}. مكان اللقاء: {{meetingPoint}} الساعة {{meetingTime}}.',
    booking_cancelled:
      'المنظمة الدولية للهجرة: عزيزي/عزيزتي {{name}}، تم إلغاء رحلتك {{flightNumber}} بتاريخ {{date}}. ستتواصل معك المنظمة بشأن موعد جديد.',
    booking_changed:
      'المنظمة الدولية للهجرة: عزيزي/عزيزتي {{name}}، تم تغيير رحلتك. الرحلة الجديدة: {{flightNumber}}. المغادرة: {{departureAirport}}، {{date}} الساعة {{departureTime}}. مكان اللقاء: {{meetingPoint}} الساعة {{meetingTime}}.',
  },
  fa: {
    flight_details:
      'سازمان بین‌المللی مهاجرت: {{name}} عزیز، پرواز شما {{flightNumber}}. حرکت: {{departureAirport}}، {{date}} ساعت {{departureTime}}. محل ملاقات: {{meetingPoint}} ساعت {{meetingTime}}.',
    booking_cancelled:
      'سازمان بین‌المللی مهاجرت: {{name}} عزیز، پرواز {{flightNumber}} شما در تاریخ {{date}} لغو شد. سازمان برای تاریخ جدید با شما تماس می‌گیرد.',
    booking_changed:
      'سازمان بین‌المللی مهاجرت: {{name}} عزیز، پرواز شما تغییر کرد. پرواز جدید: {{flightNumber}}. حرکت: {{departureAirport}}، {{date}} ساعت {{departureTime}}. محل ملاقات: {{meetingPoint}} ساعت {{meetingTime}}.',
  },
  prs: {
    flight_details:
      'سازمان بین‌المللی مهاجرت: {{name}} محترم، پرواز شما {{flightNumber}}. حرکت از {{departureAirport}}، {{date}} ساعت {{departureTime}}. جای ملاقات: {{meetingPoint}} ساعت {{meetingTime}}.',
    booking_cancelled:
      'سازمان بین‌المللی مهاجرت: {{name}} محترم، پرواز {{flightNumber}} شما به تاریخ {{date}} لغو شد. سازمان برای تاریخ جدید با شما به تماس می‌شود.',
    booking_changed:
      'سازمان بین‌المللی مهاجرت: {{name}} محترم، پرواز شما تغییر کرد. پرواز جدید: {{flightNumber}}. حرکت از {{departureAirport}}، {{date}} ساعت {{departureTime}}. جای ملاقات: {{meetingPoint}} ساعت {{meetingTime}}.',
  },
  ps: {
    flight_details:
      'د مهاجرت نړیوال سازمان: ګرانه {{name}}، ستاسو الوتنه {{flightNumber}}. روانېدل: {{departureAirport}}، {{date}} په {{departureTime}} بجو. د لیدو ځای: {{meetingPoint}} په {{meetingTime}} بجو.',
    booking_cancelled:
      'د مهاجرت نړیوال سازمان: ګرانه {{name}}، ستاسو د {{date}} نېټې الوتنه {{flightNumber}} لغوه شوه. سازمان به د نوې نېټې لپاره له تاسو سره اړیکه ونیسي.',
    booking_changed:
      'د مهاجرت نړیوال سازمان: ګرانه {{name}}، ستاسو الوتنه بدله شوه. نوې الوتنه: {{flightNumber}}. روانېدل: {{departureAirport}}، {{date}} په {{departureTime}} بجو. د لیدو ځای: {{meetingPoint}} په {{meetingTime}} بجو.',
  },
  ur: {
    flight_details:
      'آئی او ایم: محترم {{name}}، آپ کی پرواز {{flightNumber}}۔ روانگی: {{departureAirport}}، {{date}} بوقت {{departureTime}}۔ ملاقات کی جگہ: {{meetingPoint}} بوقت {{meetingTime}}۔',
    booking_cancelled:
      'آئی او ایم: محترم {{name}}، {{date}} کی آپ کی پرواز {{flightNumber}} منسوخ کر دی گئی ہے۔ آئی او ایم نئی تاریخ کے لیے آپ سے رابطہ کرے گا۔',
    booking_changed:
      'آئی او ایم: محترم {{name}}، آپ کی پرواز تبدیل ہو گئی ہے۔ نئی پرواز: {{flightNumber}}۔ روانگی: {{departureAirport}}، {{date}} بوقت {{departureTime}}۔ ملاقات کی جگہ: {{meetingPoint}} بوقت {{meetingTime}}۔',
  },
  ckb: {
    flight_details:
      'ڕێکخراوی نێودەوڵەتی کۆچ: بەڕێز {{name}}، گەشتی ئاسمانیت {{flightNumber}}. ڕۆیشتن: {{departureAirport}}، {{date}} کاتژمێر {{departureTime}}. شوێنی یەکتربینین: {{meetingPoint}} کاتژمێر {{meetingTime}}.',
    booking_cancelled:
      'ڕێکخراوی نێودەوڵەتی کۆچ: بەڕێز {{name}}، گەشتی {{flightNumber}} لە {{date}} هەڵوەشێنرایەوە. ڕێکخراوەکە بۆ بەروارێکی نوێ پەیوەندیت پێوە دەکات.',
    booking_changed:
      'ڕێکخراوی نێودەوڵەتی کۆچ: بەڕێز {{name}}، گەشتەکەت گۆڕدرا. گەشتی نوێ: {{flightNumber}}. ڕۆیشتن: {{departureAirport}}، {{date}} کاتژمێر {{departureTime}}. شوێنی یەکتربینین: {{meetingPoint}} کاتژمێر {{meetingTime}}.',
  },
  ti: {
    flight_details:
      'IOM: ክቡር/ክብርቲ {{name}}፣ በረራኹም {{flightNumber}} እዩ። ምብጋስ፦ {{departureAirport}}፣ {{date}} ሰዓት {{departureTime}}። መራኸቢ ቦታ፦ {{meetingPoint}} ሰዓት {{meetingTime}}።',
    booking_cancelled:
      'IOM: ክቡር/ክብርቲ {{name}}፣ ናይ {{date}} በረራኹም {{flightNumber}} ተሰሪዙ ኣሎ። IOM ንሓድሽ ዕለት ክረኽበኩም እዩ።',
    booking_changed:
      'IOM: ክቡር/ክብርቲ {{name}}፣ በረራኹም ተቐይሩ ኣሎ። ሓድሽ በረራ፦ {{flightNumber}}። ምብጋስ፦ {{departureAirport}}፣ {{date}} ሰዓት {{departureTime}}። መራኸቢ ቦታ፦ {{meetingPoint}} ሰዓት {{meetingTime}}።',
  },
  am: {
    flight_details:
      'IOM: ውድ {{name}}፣ በረራዎ {{flightNumber}} ነው። መነሻ፦ {{departureAirport}}፣ {{date}} ሰዓት {{departureTime}}። የመገናኛ ቦታ፦ {{meetingPoint}} ሰዓት {{meetingTime}}።',
    booking_cancelled: 'IOM: ውድ {{name}}፣ የ{{date}} በረራዎ {{flightNumber}} ተሰርዟል። IOM ስለ አዲስ ቀን ያገኝዎታል።',
    booking_changed:
      'IOM: ውድ {{name}}፣ በረራዎ ተቀይሯል። አዲስ በረራ፦ {{flightNumber}}። መነሻ፦ {{departureAirport}}፣ {{date}} ሰዓት {{departureTime}}። የመገናኛ ቦታ፦ {{meetingPoint}} ሰዓት {{meetingTime}}።',
  },
  so: {
    flight_details:
      'IOM: {{name}} sharafta leh, duulimaadkaagu waa {{flightNumber}}. Ka ambabax: {{departureAirport}}, {{date}} saacadda {{departureTime}}. Goobta kulanka: {{meetingPoint}} saacadda {{meetingTime}}.',
    booking_cancelled:
      'IOM: {{name}} sharafta leh, duulimaadkaaga {{flightNumber}} ee {{date}} waa la joojiyay. IOM ayaa kula soo xiriiri doonta taariikh cusub.',
    booking_changed:
      'IOM: {{name}} sharafta leh, duulimaadkaaga waa la beddelay. Duulimaad cusub: {{flightNumber}}. Ka ambabax: {{departureAirport}}, {{date}} saacadda {{departureTime}}. Goobta kulanka: {{meetingPoint}} saacadda {{meetingTime}}.',
  },
  sq: {
    flight_details:
      'ONM: I/E nderuar {{name}}, fluturimi juaj {{flightNumber}} niset nga {{departureAirport}} më {{date}} në orën {{departureTime}}. Vendtakimi: {{meetingPoint}} në orën {{meetingTime}}.',
    booking_cancelled:
      "ONM: I/E nderuar {{name}}, fluturimi juaj {{flightNumber}} i datës {{date}} është anuluar. ONM do t'ju kontaktojë për një datë të re.",
    booking_changed:
      'ONM: I/E nderuar {{name}}, fluturimi juaj ka ndryshuar. Fluturimi i ri: {{flightNumber}} nga {{departureAirport}} më {{date}} në orën {{departureTime}}. Vendtakimi: {{meetingPoint}} në orën {{meetingTime}}.',
  },
  ka: {
    flight_details:
      'IOM: ძვირფასო {{name}}, თქვენი რეისია {{flightNumber}}. გაფრენა: {{departureAirport}}, {{date}}, {{departureTime}}. შეხვედრის ადგილი: {{meetingPoint}}, {{meetingTime}}.',
    booking_cancelled:
      'IOM: ძვირფასო {{name}}, თქვენი რეისი {{flightNumber}} ({{date}}) გაუქმდა. IOM დაგიკავშირდებათ ახალი თარიღის შესახებ.',
    booking_changed:
      'IOM: ძვირფასო {{name}}, თქვენი რეისი შეიცვალა. ახალი რეისი: {{flightNumber}}. გაფრენა: {{departureAirport}}, {{date}}, {{departureTime}}. შეხვედრის ადგილი: {{meetingPoint}}, {{meetingTime}}.',
  },
  mn: {
    flight_details:
      'ОУЦБ: Эрхэм {{name}}, таны нислэг {{flightNumber}}. Хөөрөх: {{departureAirport}}, {{date}}, {{departureTime}} цагт. Уулзах газар: {{meetingPoint}}, {{meetingTime}} цагт.',
    booking_cancelled:
      'ОУЦБ: Эрхэм {{name}}, таны {{flightNumber}} нислэг ({{date}}) цуцлагдлаа. ОУЦБ шинэ огнооны талаар тантай холбогдоно.',
    booking_changed:
      'ОУЦБ: Эрхэм {{name}}, таны нислэг өөрчлөгдлөө. Шинэ нислэг: {{flightNumber}}. Хөөрөх: {{departureAirport}}, {{date}}, {{departureTime}} цагт. Уулзах газар: {{meetingPoint}}, {{meetingTime}} цагт.',
  },
  zh: {
    flight_details:
      '国际移民组织：{{name}}您好，您的航班 {{flightNumber}} 于 {{date}} {{departureTime}} 从 {{departureAirport}} 起飞。请于 {{meetingTime}} 到达集合地点：{{meetingPoint}}。',
    booking_cancelled:
      '国际移民组织：{{name}}您好，您 {{date}} 的航班 {{flightNumber}} 已取消。我们会与您联系安排新日期。',
    booking_changed:
      '国际移民组织：{{name}}您好，您的航班已变更。新航班：{{flightNumber}}，{{date}} {{departureTime}} 从 {{departureAirport}} 起飞。请于 {{meetingTime}} 到达集合地点：{{meetingPoint}}。',
  },
};

/** Languages written right to left, so previews and the sink show them the right way round. */
export const rightToLeftLanguages = new Set(['ar', 'fa', 'prs', 'ps', 'ur', 'ckb']);

/** ISO 639 codes and tags that name a language the table keys differently. */
export const languageAliases: Record<string, string> = {
  eng: 'en',
  nld: 'nl',
  dut: 'nl',
  fra: 'fr',
  fre: 'fr',
  spa: 'es',
  por: 'pt',
  tur: 'tr',
  rus: 'ru',
  ukr: 'uk',
  ara: 'ar',
  fas: 'fa',
  per: 'fa',
  // Persian as spoken in Afghanistan is Dari.
  'fa-af': 'prs',
  pus: 'ps',
  urd: 'ur',
  'ku-iq': 'ckb',
  'ku-arab': 'ckb',
  tir: 'ti',
  amh: 'am',
  som: 'so',
  sqi: 'sq',
  alb: 'sq',
  kat: 'ka',
  geo: 'ka',
  mon: 'mn',
  zho: 'zh',
  chi: 'zh',
  cmn: 'zh',
};
