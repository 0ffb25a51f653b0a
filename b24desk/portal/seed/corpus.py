"""Word lists the demo data is drawn from: staff, people, companies, CRM values, lines."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ..state import Access, CrmType

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone(timedelta(hours=3)))
ADMIN_ID = 1
RESTRICTED_ID = 7
CRM_ONLY_ID = 4
BOT_ID = 25
FIRST_CUSTOMER_ID = 1001
FIRST_CHAT_ID = 1701
OAUTH_CLIENT_ID = "local.b24desk0demo.000001"
CHAT_WINDOW = 300  # only the oldest rows get chats, so a 100k-lead portal keeps ~60 chats

DAY = 86_400
HISTORY_DAYS = 730
DATE_POOL_SIZE = 16_384
LEAD_CHATS = 30
CONTACT_CHATS = 18
DEAL_CHATS = 6  # of the contact chats, those also bound to one of the contact's deals
COMPANY_CHATS = 2
STRANGER_CHATS = 10

FULL_SCOPES = frozenset({"crm", "imopenlines", "im", "user", "department", "basic"})
WEBHOOKS = (
    (ADMIN_ID, FULL_SCOPES, "b24desk (admin)"),
    (RESTRICTED_ID, FULL_SCOPES, "operator (restricted)"),
    (CRM_ONLY_ID, frozenset({"crm", "basic"}), "1C sync (crm only)"),
)

# --- staff -----------------------------------------------------------------------------

_ROOT, _SALES, _CONTACT_CENTRE, _SUPPORT, _MARKETING, _ACCOUNTING = range(1, 7)
DEPARTMENTS = (
    (_ROOT, "Демо-компания", None),
    (_SALES, "Отдел продаж", _ROOT),
    (_CONTACT_CENTRE, "Контакт-центр", _ROOT),
    (_SUPPORT, "Техническая поддержка", _CONTACT_CENTRE),
    (_MARKETING, "Маркетинг", _ROOT),
    (_ACCOUNTING, "Бухгалтерия", _ROOT),
)

# Employees get IDs 1.. in this order: name, last name, gender, position, department.
EMPLOYEES = (
    ("Анна", "Смирнова", "F", "Руководитель контакт-центра", _CONTACT_CENTRE),
    ("Дмитрий", "Волков", "M", "Руководитель отдела продаж", _SALES),
    ("Мария", "Иванова", "F", "Менеджер по продажам", _SALES),
    ("Сергей", "Морозов", "M", "Менеджер по продажам", _SALES),
    ("Екатерина", "Павлова", "F", "Оператор контакт-центра", _CONTACT_CENTRE),
    ("Игорь", "Соколов", "M", "Менеджер по продажам", _SALES),
    ("Олег", "Кузнецов", "M", "Оператор контакт-центра", _CONTACT_CENTRE),
    ("Наталья", "Попова", "F", "Оператор контакт-центра", _CONTACT_CENTRE),
    ("James", "Walker", "M", "International sales manager", _SALES),
    ("Ольга", "Лебедева", "F", "Инженер технической поддержки", _SUPPORT),
    ("Артём", "Новиков", "M", "Инженер технической поддержки", _SUPPORT),
    ("Юлия", "Фёдорова", "F", "Маркетолог", _MARKETING),
    ("Emily", "Carter", "F", "Support engineer", _SUPPORT),
    ("Павел", "Козлов", "M", "Оператор контакт-центра", _CONTACT_CENTRE),
    ("Татьяна", "Михайлова", "F", "Бухгалтер", _ACCOUNTING),
    ("Алексей", "Егоров", "M", "Менеджер по продажам", _SALES),
    ("Ирина", "Никитина", "F", "Старший оператор контакт-центра", _CONTACT_CENTRE),
    ("Michael", "Brown", "M", "Head of support", _SUPPORT),
    ("Андрей", "Орлов", "M", "Менеджер по работе с ключевыми клиентами", _SALES),
    ("Светлана", "Захарова", "F", "Главный бухгалтер", _ACCOUNTING),
    ("Максим", "Зайцев", "M", "Оператор контакт-центра", _CONTACT_CENTRE),
    ("Елена", "Соловьёва", "F", "Менеджер по продажам", _SALES),
    ("Виктор", "Васильев", "M", "Системный администратор", _SUPPORT),
    ("Sophie", "Turner", "F", "Marketing manager", _MARKETING),
)
FIRED = frozenset({21, 22})
RESTRICTED_ACCESS = {
    CrmType.LEAD: Access.OWN,
    CrmType.DEAL: Access.NONE,
    CrmType.CONTACT: Access.OWN,
    CrmType.COMPANY: Access.ALL,
}
OPERATORS = (5, 7, 8, 14, 17, 10, 11, 13)
FORMER_OPERATORS = (*OPERATORS, 21)  # a fired operator still shows up in old sessions
SALES_TEAM = (2, 3, 4, 6, 9, 16, 19)
# User 7 twice: the restricted operator must own enough rows for OWN access to show something.
ROW_OWNERS = (*SALES_TEAM, 5, 7, 7, 8, 14, 17)
HELPERS = (1, 2, 17, 18)  # who joins a dialogue beside its operator

# --- people and companies --------------------------------------------------------------

RU_MALE_NAMES = (
    "Александр", "Алексей", "Андрей", "Артём", "Борис", "Вадим", "Василий", "Виктор",
    "Владимир", "Георгий", "Григорий", "Денис", "Дмитрий", "Евгений", "Иван", "Игорь",
    "Кирилл", "Константин", "Максим", "Михаил", "Николай", "Олег", "Павел", "Роман",
    "Сергей", "Станислав", "Тимур", "Юрий",
)  # fmt: skip
RU_FEMALE_NAMES = (
    "Алина", "Анастасия", "Анна", "Валентина", "Вера", "Виктория", "Галина", "Дарья",
    "Екатерина", "Елена", "Ирина", "Карина", "Ксения", "Людмила", "Марина", "Мария",
    "Надежда", "Наталья", "Ольга", "Полина", "Светлана", "Софья", "Татьяна", "Юлия",
)  # fmt: skip
RU_SURNAMES = (
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
    "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов",
    "Воробьёв", "Сергеев", "Кудрявцев", "Белов", "Тарасов", "Беляев", "Комаров", "Жуков",
    "Гусев", "Титов", "Калинин", "Ковалевский", "Вишневский", "Покровский", "Шереметьев",
)  # fmt: skip
PATRONYMICS = (
    ("Александрович", "Александровна"), ("Алексеевич", "Алексеевна"),
    ("Андреевич", "Андреевна"), ("Викторович", "Викторовна"), ("Дмитриевич", "Дмитриевна"),
    ("Иванович", "Ивановна"), ("Игоревич", "Игоревна"), ("Михайлович", "Михайловна"),
    ("Николаевич", "Николаевна"), ("Олегович", "Олеговна"), ("Павлович", "Павловна"),
    ("Петрович", "Петровна"), ("Сергеевич", "Сергеевна"), ("Юрьевич", "Юрьевна"),
    ("Владимирович", "Владимировна"),
)  # fmt: skip
EN_NAMES = (
    "James", "John", "Robert", "Michael", "David", "William", "Thomas", "Daniel", "Liam",
    "Noah", "Oliver", "Emily", "Olivia", "Emma", "Sophia", "Charlotte", "Amelia", "Grace",
    "Hannah", "Chloe",
)  # fmt: skip
EN_SURNAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
    "Anderson", "Moore", "Clark", "Walker", "Hall", "Young", "King", "Wright", "Scott",
    "Green", "Baker", "Mitchell", "Turner", "Parker", "Evans", "Collins", "O'Brien",
)  # fmt: skip
# Customers of chats bound to nothing: whatever a messenger profile happens to show.
STRANGERS = (
    ("Guest #17", "", True),
    ("Гость #342", "", False),
    ("Alex", "", True),
    ("kot_begemot", "", False),
    ("Sarah", "Miller", True),
    ("Дмитрий", "", False),
    ("Elena K.", "", True),
    ("John", "Davis", True),
    ("Мария", "Л.", False),
    ("MaxPower", "", True),
    ("Светлана", "Игоревна", False),
    ("Tom", "", True),
)

RU_COMPANY_NAMES = (
    "Вектор", "Северсталь-Трейд", "ТехноПром", "Альфа-Логистик", "Гранит", "СтройИнвест",
    "Меридиан", "Импульс", "Восток-Сервис", "Орион", "Прогресс", "Сибирские сети",
    "ЛогистикПлюс", "Арктика", "Феникс", "Интеграл", "Кристалл", "Нева-Маркет", "Волга-Агро",
    "Цифровые решения", "Радуга", "Полюс-Телеком", "УралМаш-Комплект", "Спектр", "Атлант",
    "Континент", "Горизонт", "Эталон", "Сфера", "Магистраль", "Технолайн", "Енисей-Энерго",
    "ПромСнаб", "Алмаз", "Бета-Софт", "Северный ветер", "Темп", "Ника", "Пульсар", "Уют-Дом",
    "Медтехника", "АгроХолдинг Юг", "Балтийский берег", "Кварц", "Зенит", "Инфотех",
    "Ладога", "Ракурс", "Старт", "Дельта-Финанс",
)  # fmt: skip
LEGAL_FORMS = ("ООО", "ООО", "АО", "ПАО")
EN_COMPANIES = (
    ("Acme Logistics Ltd", "acme-logistics.co.uk"),
    ("Northwind Traders LLC", "northwind.example.com"),
    ("Globex Corporation", "globex.com"),
    ("Initech GmbH", "initech.de"),
    ("Blue Ocean Shipping Ltd", "blueocean.co.uk"),
    ("Evergreen Foods Inc.", "evergreenfoods.com"),
    ("Silverline Software Ltd", "silverline.io"),
    ("Helios Energy AG", "helios-energy.ch"),
    ("Umbrella Trading FZE", "umbrella.ae"),
    ("Stark Components Ltd", "starkcomponents.com"),
)

RU_MOBILE_CODES = ("903", "905", "909", "915", "916", "925", "926", "977", "985", "999")
RU_CITY_CODES = ("495", "499", "812", "343", "383")
FREE_MAIL_RU = ("mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru")
FREE_MAIL_EN = ("gmail.com", "outlook.com", "yahoo.com", "icloud.com")
POSTS_RU = (
    "Директор", "Генеральный директор", "Менеджер по закупкам", "Главный бухгалтер",
    "Руководитель отдела ИТ", "Инженер", "Офис-менеджер", "Коммерческий директор",
)  # fmt: skip
POSTS_EN = ("CEO", "Procurement manager", "Office manager", "IT director", "CFO")

# --- CRM reference values ----------------------------------------------------------------

SOURCES = (
    "CALL", "EMAIL", "WEB", "WEB", "ADVERTISING", "PARTNER", "RECOMMENDATION", "TRADE_SHOW",
    "OTHER",
)  # fmt: skip
LEAD_STATUSES = (
    ("NEW", "P"), ("NEW", "P"), ("NEW", "P"), ("NEW", "P"), ("NEW", "P"),
    ("IN_PROCESS", "P"), ("IN_PROCESS", "P"), ("IN_PROCESS", "P"), ("IN_PROCESS", "P"),
    ("IN_PROCESS", "P"), ("IN_PROCESS", "P"), ("PROCESSED", "P"), ("PROCESSED", "P"),
    ("PROCESSED", "P"), ("CONVERTED", "S"), ("CONVERTED", "S"), ("CONVERTED", "S"),
    ("CONVERTED", "S"), ("JUNK", "F"), ("JUNK", "F"),
)  # fmt: skip
LEAD_TITLES_RU = (
    ("Заявка с сайта", "WEB"),
    ("Заявка с сайта: {product}", "WEB"),
    ("Запрос КП: {product}", "EMAIL"),
    ("Звонок: {last}", "CALL"),
    ("Обратный звонок: {last}", "CALL"),
    ("Заявка из рекламы: {product}", "ADVERTISING"),
    ("Рекомендация партнёра: {last}", "PARTNER"),
    ("По рекомендации клиента: {last}", "RECOMMENDATION"),
    ("Контакт с выставки «{expo}»", "TRADE_SHOW"),
    ("Запрос счёта", "EMAIL"),
    ("Разное: {last}", "OTHER"),
)
LEAD_TITLES_EN = (
    ("Website enquiry — pricing", "WEB"),
    ("Website enquiry — {product_en}", "WEB"),
    ("Call: {last}", "CALL"),
    ("Quote request: {product_en}", "EMAIL"),
    ("Partner referral: {last}", "PARTNER"),
    ("Met at {expo}", "TRADE_SHOW"),
)
PRODUCTS_RU = (
    "поставка оборудования", "ноутбуки для офиса", "сервисное обслуживание", "внедрение CRM",
    "лицензии 1С", "видеонаблюдение", "аренда серверов", "монтаж СКС", "обучение персонала",
)  # fmt: skip
PRODUCTS_EN = ("barcode scanners", "server rental", "CRM rollout", "support contract")
EXPOS = ("Связь-2026", "Иннопром", "ExpoElectronica", "Securika")
COMMENTS = (
    "Перезвонить после 15:00",
    "Просил КП на почту",
    "Интересуется оптом, [b]VIP[/b]",
    "Клиент из Казани, доставка транспортной компанией",
    "Prefers e-mail, no calls",
)
DEAL_TITLES = (
    "Поставка серверов", "Внедрение CRM", "Годовое обслуживание", "Лицензии: 25 мест",
    "Монтаж видеонаблюдения", "Поставка ноутбуков", "Аудит ИТ-инфраструктуры",
    "Consulting retainer",
)  # fmt: skip
DEAL_TYPES = ("SALE", "SALE", "COMPLEX", "GOODS", "SERVICES", "SERVICE")
DEAL_STAGES = (
    ("NEW", "P", "10"), ("NEW", "P", "10"), ("PREPARATION", "P", "20"),
    ("PREPAYMENT_INVOICE", "P", "40"), ("EXECUTING", "P", "60"), ("EXECUTING", "P", "60"),
    ("FINAL_INVOICE", "P", "80"), ("WON", "S", "100"), ("WON", "S", "100"),
    ("WON", "S", "100"), ("LOSE", "F", "0"), ("LOSE", "F", "0"),
)  # fmt: skip
CONTACT_TYPES = ("CLIENT", "CLIENT", "CLIENT", "SUPPLIER", "PARTNER", "OTHER")
COMPANY_TYPES = ("CUSTOMER", "CUSTOMER", "CUSTOMER", "PARTNER", "SUPPLIER", "COMPETITOR")
INDUSTRIES = (
    "IT", "TELECOM", "MANUFACTURING", "BANKING", "CONSULTING", "FINANCE", "GOVERNMENT",
    "DELIVERY", "ENTERTAINMENT", "NOTPROFIT", "OTHER",
)  # fmt: skip
EMPLOYEE_RANGES = ("EMPLOYEES_1", "EMPLOYEES_2", "EMPLOYEES_3", "EMPLOYEES_4")

# --- open lines and dialogues ---------------------------------------------------------------

LINES = (
    (1, "Сайт и мессенджеры", ("livechat", "telegrambot", "whatsappbyedna")),
    (2, "Социальные сети", ("vkgroup",)),
    (3, "Почта", ("email",)),
)
# Each line's operator queue (imopenlines.config.list.get with QUEUE=Y) and the heads who
# may rate its sessions besides the admin: the contact centre takes messengers and mail,
# support engineers the social networks.
LINE_QUEUES = {1: (5, 7, 8, 14), 2: (17, 10, 11, 13), 3: (8, 14, 17)}
LINE_HEADS = {1: (17,), 2: (18,), 3: (17,)}
LINE_OF = {connector: line_id for line_id, _, connectors in LINES for connector in connectors}
CONNECTOR_MIX = (
    "livechat", "livechat", "livechat", "livechat", "telegrambot", "telegrambot",
    "telegrambot", "whatsappbyedna", "whatsappbyedna", "vkgroup", "vkgroup", "email",
)  # fmt: skip
LEAD_ONE_CONNECTORS = ("livechat", "telegrambot", "whatsappbyedna")
SESSION_COUNTS = (1, 1, 1, 1, 1, 2, 2, 2, 3, 3)
