/** Word lists for Turkish demo customers. Cities are named as OpenCart's zone table spells them. */

export const FEMALE_FIRST_NAMES = [
  'Ayşe', 'Fatma', 'Emine', 'Hatice', 'Zeynep', 'Elif', 'Meryem', 'Şerife', 'Zehra', 'Sultan',
  'Hanife', 'Merve', 'Esra', 'Büşra', 'Özlem', 'Gül', 'Derya', 'Selin', 'Ebru', 'Ceren',
  'Gamze', 'Tuğba', 'Kübra', 'Sevgi', 'Yasemin', 'Deniz', 'İrem', 'Nur', 'Pınar', 'Aslı',
  'Melike', 'Dilek', 'Songül', 'Hülya', 'Cansu', 'Ecrin', 'Defne', 'Asya', 'Eylül', 'Damla',
] as const;

export const MALE_FIRST_NAMES = [
  'Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Hasan', 'İbrahim', 'İsmail', 'Osman', 'Yusuf',
  'Murat', 'Ömer', 'Ramazan', 'Halil', 'Süleyman', 'Abdullah', 'Mahmut', 'Recep', 'Salih', 'Fatih',
  'Kemal', 'Emre', 'Burak', 'Onur', 'Serkan', 'Uğur', 'Cem', 'Barış', 'Oğuz', 'Tolga',
  'Kerem', 'Eren', 'Emir', 'Yiğit', 'Berk', 'Can', 'Çağlar', 'Göktuğ', 'Tuncay', 'Volkan',
] as const;

export const LAST_NAMES = [
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir',
  'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek',
  'Polat', 'Özcan', 'Korkmaz', 'Çakır', 'Erdoğan', 'Yavuz', 'Can', 'Acar', 'Şen', 'Aktaş',
  'Güler', 'Yalçın', 'Güneş', 'Bozkurt', 'Bulut', 'Keskin', 'Ünal', 'Turan', 'Gül', 'Özer',
  'Işık', 'Kaplan', 'Avcı', 'Sarı', 'Tekin', 'Taş', 'Köse', 'Yüksel', 'Ateş', 'Aksoy',
] as const;

export const NEIGHBOURHOODS = [
  'Cumhuriyet', 'Atatürk', 'Yeni', 'Fatih', 'Merkez', 'İstiklal', 'Hürriyet', 'Gazi', 'Yunus Emre',
  'Mimar Sinan', 'Barbaros', 'Bahçelievler', 'Esentepe', 'Çamlık', 'Kültür', 'Zafer', 'Mevlana', 'Sakarya',
] as const;

export const STREETS = [
  'Atatürk', 'İnönü', 'Cumhuriyet', 'Gazi Mustafa Kemal', 'Menderes', 'Kazım Karabekir', 'Fevzi Çakmak',
  'Necip Fazıl', 'Akasya', 'Lale', 'Gül', 'Papatya', 'Menekşe', 'Çınar', 'Ihlamur', 'Zambak',
] as const;

export const STREET_KINDS = ['Cad.', 'Sok.', 'Bulvarı'] as const;

/** Mobile operator prefixes (05XX). */
export const MOBILE_PREFIXES = ['530', '532', '533', '535', '536', '539', '541', '542', '543', '544', '505', '506', '507', '551', '552', '555'] as const;

/**
 * Provinces with their plate code (the first two digits of a Turkish postcode) and a weight close to
 * their share of online orders (population in hundreds of thousands).
 */
export const CITIES: ReadonlyArray<{ name: string; plate: number; weight: number }> = [
  { name: 'İstanbul', plate: 34, weight: 158 },
  { name: 'Ankara', plate: 6, weight: 57 },
  { name: 'İzmir', plate: 35, weight: 44 },
  { name: 'Bursa', plate: 16, weight: 31 },
  { name: 'Antalya', plate: 7, weight: 26 },
  { name: 'Konya', plate: 42, weight: 23 },
  { name: 'Adana', plate: 1, weight: 22 },
  { name: 'Şanlıurfa', plate: 63, weight: 21 },
  { name: 'Gaziantep', plate: 27, weight: 21 },
  { name: 'Kocaeli', plate: 41, weight: 20 },
  { name: 'Mersin', plate: 33, weight: 19 },
  { name: 'Diyarbakır', plate: 21, weight: 18 },
  { name: 'Hatay', plate: 31, weight: 17 },
  { name: 'Manisa', plate: 45, weight: 15 },
  { name: 'Kayseri', plate: 38, weight: 14 },
  { name: 'Samsun', plate: 55, weight: 14 },
  { name: 'Balıkesir', plate: 10, weight: 12 },
  { name: 'Kahramanmaraş', plate: 46, weight: 12 },
  { name: 'Van', plate: 65, weight: 11 },
  { name: 'Aydın', plate: 9, weight: 11 },
  { name: 'Tekirdağ', plate: 59, weight: 11 },
  { name: 'Sakarya', plate: 54, weight: 11 },
  { name: 'Denizli', plate: 20, weight: 10 },
  { name: 'Muğla', plate: 48, weight: 10 },
  { name: 'Eskişehir', plate: 26, weight: 9 },
  { name: 'Trabzon', plate: 61, weight: 8 },
  { name: 'Malatya', plate: 44, weight: 8 },
  { name: 'Erzurum', plate: 25, weight: 7 },
  { name: 'Sivas', plate: 58, weight: 6 },
  { name: 'Edirne', plate: 22, weight: 4 },
  { name: 'Çanakkale', plate: 17, weight: 5 },
  { name: 'Rize', plate: 53, weight: 3 },
];

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
] as const;

export const ACCEPT_LANGUAGE = 'tr-TR,tr;q=0.9,en-US;q=0.8,en;q=0.7';

const ASCII_FOLD: Record<string, string> = { ç: 'c', ğ: 'g', ı: 'i', i̇: 'i', ö: 'o', ş: 's', ü: 'u' };

const folded = new Map<string, string>();

/** 'Şerife Öztürk' → 'serifeozturk': Turkish letters folded for the local part of an e-mail. */
export function foldToAscii(text: string): string {
  let ascii = folded.get(text);
  if (ascii === undefined) {
    ascii = text
      .toLocaleLowerCase('tr-TR')
      .replace(/i̇|[çğıöşü]/g, (ch) => ASCII_FOLD[ch] ?? ch)
      .replace(/[^a-z0-9]+/g, '');
    folded.set(text, ascii);
  }
  return ascii;
}
