<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>ActivityDock</name>
    <message>
        <source>Activity</source>
        <translation>Активность</translation>
    </message>
    <message>
        <source>watched</source>
        <translation>отслеживается</translation>
    </message>
    <message>
        <source>unread: {0}</source>
        <translation>непрочитанных: {0}</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Participants in bulk</source>
        <translation>Участники: массово</translation>
    </message>
    <message>
        <source>The &amp;last chat of each</source>
        <translation>Последний чат &amp;каждого</translation>
    </message>
    <message>
        <source>All their acti&amp;ve chats</source>
        <translation>Все их &amp;активные чаты</translation>
    </message>
    <message>
        <source>%v of %m entities</source>
        <translation>%v из %m элементов</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Начать</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Отм&amp;енить сделанное</translation>
    </message>
    <message>
        <source>Chats:</source>
        <translation>Чаты:</translation>
    </message>
    <message>
        <source>Add {0} to the chats of {1} selected entities.</source>
        <translation>Добавить {0} в чаты выбранных элементов ({1}).</translation>
    </message>
    <message>
        <source>Remove {0} from the chats of {1} selected entities.</source>
        <translation>Удалить {0} из чатов выбранных элементов ({1}).</translation>
    </message>
    <message>
        <source>Join the chats of {0} selected entities.</source>
        <translation>Присоединиться к чатам выбранных элементов ({0}).</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Отмена сделанного…</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Остановка после текущего пакета…</translation>
    </message>
    <message>
        <source>{0} done</source>
        <translation>выполнено: {0}</translation>
    </message>
    <message>
        <source>{0} unchanged</source>
        <translation>без изменений: {0}</translation>
    </message>
    <message>
        <source>{0} without a chat</source>
        <translation>без чата: {0}</translation>
    </message>
    <message>
        <source>{0} denied</source>
        <translation>отказано: {0}</translation>
    </message>
    <message>
        <source>{0} failed</source>
        <translation>ошибок: {0}</translation>
    </message>
    <message>
        <source>{0} not done</source>
        <translation>не выполнено: {0}</translation>
    </message>
    <message>
        <source>Undone: </source>
        <translation>Отменено: </translation>
    </message>
    <message>
        <source>Finished: </source>
        <translation>Готово: </translation>
    </message>
    <message>
        <source>Stopped: </source>
        <translation>Остановлено: </translation>
    </message>
    <message>
        <source>chat #{0}</source>
        <translation>чат №{0}</translation>
    </message>
    <message>
        <source>added</source>
        <translation>добавлен(а)</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>удалён(а)</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>вы присоединились</translation>
    </message>
    <message>
        <source>was not there</source>
        <translation>уже не в чате</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>уже в чате</translation>
    </message>
    <message>
        <source>no chat</source>
        <translation>нет чата</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>отказано</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>не выполнено</translation>
    </message>
</context>
<context>
    <name>ChatLinks</name>
    <message>
        <source>Copy &amp;link</source>
        <translation>Копировать &amp;ссылку</translation>
    </message>
    <message>
        <source>&amp;Open in Bitrix24</source>
        <translation>&amp;Открыть в Битрикс24</translation>
    </message>
    <message>
        <source>&amp;Watch this chat</source>
        <translation>Сл&amp;едить за чатом</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Choose a lead, deal, contact or company on the left.</source>
        <translation>Выберите лид, сделку, контакт или компанию слева.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Active chats onl&amp;y</source>
        <translation>&amp;Только активные чаты</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Чаты</translation>
    </message>
    <message>
        <source>No entity chosen.</source>
        <translation>Ничего не выбрано.</translation>
    </message>
    <message>
        <source>Loading the chats…</source>
        <translation>Загрузка чатов…</translation>
    </message>
    <message>
        <source>The chats could not be loaded.</source>
        <translation>Не удалось загрузить чаты.</translation>
    </message>
    <message>
        <source>This entity has no Open Lines chats.</source>
        <translation>У этого элемента нет чатов открытых линий.</translation>
    </message>
    <message>
        <source>Loading the chat…</source>
        <translation>Загрузка чата…</translation>
    </message>
    <message>
        <source>Message sent.</source>
        <translation>Сообщение отправлено.</translation>
    </message>
    <message>
        <source>Join the chat</source>
        <translation>Присоединиться к чату</translation>
    </message>
    <message>
        <source>You are not in this chat. Bitrix24 only lets participants write. Join the chat and send?</source>
        <translation>Вы не участник этого чата, а писать в него Битрикс24 разрешает только участникам. Присоединиться к чату и отправить сообщение?</translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation>← &amp;Назад</translation>
    </message>
    <message>
        <source>The lead was created.</source>
        <translation>Лид создан.</translation>
    </message>
</context>
<context>
    <name>ChatsModel</name>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>waiting for operator</source>
        <translation>ждёт оператора</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>отвечен</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <source>&lt;1 min</source>
        <translation>&lt;1 мин</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} мин</translation>
    </message>
    <message>
        <source>{0} h {1:02d} min</source>
        <translation>{0} ч {1:02d} мин</translation>
    </message>
    <message>
        <source>{0} d</source>
        <translation>{0} дн.</translation>
    </message>
    <message>
        <source>(last)</source>
        <translation>(последний)</translation>
    </message>
    <message>
        <source>no operator</source>
        <translation>нет оператора</translation>
    </message>
    <message>
        <source>waiting {0}</source>
        <translation>ждёт {0}</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>Состояние: {0}</translation>
    </message>
    <message>
        <source>Operator: {0}</source>
        <translation>Оператор: {0}</translation>
    </message>
    <message>
        <source>Last message: {0}</source>
        <translation>Последнее сообщение: {0}</translation>
    </message>
    <message>
        <source>The customer has been waiting {0}</source>
        <translation>Клиент ждёт {0}</translation>
    </message>
    <message>
        <source>Session #{0}</source>
        <translation>Сессия №{0}</translation>
    </message>
    <message>
        <source>Unread messages: {0}</source>
        <translation>Непрочитанных сообщений: {0}</translation>
    </message>
    <message>
        <source>unread: {0}</source>
        <translation>непрочитанных: {0}</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write to the chat… (Ctrl+Enter sends)</source>
        <translation>Сообщение в чат… (Ctrl+Enter — отправить)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>Отпр&amp;авить</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to Bitrix24</source>
        <translation>Подключение к Битрикс24</translation>
    </message>
    <message>
        <source>e.g. Main portal</source>
        <translation>например, Основной портал</translation>
    </message>
    <message>
        <source>Show or hide the secret fields</source>
        <translation>Показать или скрыть секретные поля</translation>
    </message>
    <message>
        <source>Connect with:</source>
        <translation>Способ подключения:</translation>
    </message>
    <message>
        <source>Inbound &amp;webhook</source>
        <translation>&amp;Входящий вебхук</translation>
    </message>
    <message>
        <source>&amp;OAuth application</source>
        <translation>Приложение &amp;OAuth</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <source>Webhook &amp;URL:</source>
        <translation>&amp;Адрес вебхука:</translation>
    </message>
    <message>
        <source>&amp;Portal URL:</source>
        <translation>Адрес по&amp;ртала:</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>&amp;Код приложения (client_id):</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Кл&amp;юч приложения (client_secret):</translation>
    </message>
    <message>
        <source>&amp;Refresh token:</source>
        <translation>Refresh-&amp;токен:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Проверить по&amp;дключение</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>Rate p&amp;lan:</source>
        <translation>Тар&amp;иф:</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Стандартный</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Энтерпрайз</translation>
    </message>
    <message>
        <source>Custom (from the settings file)</source>
        <translation>Свой (из файла настроек)</translation>
    </message>
    <message>
        <source>{plan} — {rate:g} requests/s, burst {burst}</source>
        <translation>{plan} — {rate:g} запр./с, запас {burst}</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Укажите название подключения.</translation>
    </message>
    <message>
        <source>A connection with this name already exists.</source>
        <translation>Подключение с таким названием уже есть.</translation>
    </message>
    <message>
        <source>This connection cannot work as entered: change it first.</source>
        <translation>Это подключение не заработает в таком виде: сначала измените его.</translation>
    </message>
    <message>
        <source>Paste the whole webhook URL: https://PORTAL/rest/USER_ID/CODE/</source>
        <translation>Вставьте адрес вебхука целиком: https://ПОРТАЛ/rest/ID_ПОЛЬЗОВАТЕЛЯ/КОД/</translation>
    </message>
    <message>
        <source>The portal URL must start with https:// and name the portal.</source>
        <translation>Адрес портала должен начинаться с https:// и содержать имя портала.</translation>
    </message>
    <message>
        <source>Enter the application&apos;s client ID.</source>
        <translation>Введите код приложения (client_id).</translation>
    </message>
    <message>
        <source>Enter the application&apos;s client secret.</source>
        <translation>Введите ключ приложения (client_secret).</translation>
    </message>
    <message>
        <source>Enter a refresh token.</source>
        <translation>Введите refresh-токен.</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Скрыть</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Проверка подключения…</translation>
    </message>
    <message>
        <source>Could not connect. Check the address and the credentials.</source>
        <translation>Не удалось подключиться. Проверьте адрес и данные для входа.</translation>
    </message>
    <message>
        <source>an unnamed user</source>
        <translation>пользователь без имени</translation>
    </message>
    <message>
        <source>Portal: {host}</source>
        <translation>Портал: {host}</translation>
    </message>
    <message>
        <source>Connected as {name} — all scopes present</source>
        <translation>Подключено как {name} — все права доступа есть</translation>
    </message>
    <message>
        <source>Connected as {name}, but these permissions are missing: {scopes}. Add them to the webhook or application in Bitrix24.</source>
        <translation>Подключено как {name}, но не хватает прав доступа: {scopes}. Добавьте их вебхуку или приложению в Битрикс24.</translation>
    </message>
    <message>
        <source>The connection test stopped unexpectedly.</source>
        <translation>Проверка подключения неожиданно прервалась.</translation>
    </message>
</context>
<context>
    <name>EditConnectionDialog</name>
    <message>
        <source>Edit connection</source>
        <translation>Изменить подключение</translation>
    </message>
    <message>
        <source>Saved; type a new one to replace it</source>
        <translation>Сохранено; введите новое, чтобы заменить</translation>
    </message>
    <message>
        <source>{base}/… saved; paste a new URL to replace it</source>
        <translation>{base}/… сохранён; вставьте новый URL, чтобы заменить</translation>
    </message>
    <message>
        <source>&amp;Delete connection…</source>
        <translation>&amp;Удалить подключение…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Оставить</translation>
    </message>
    <message>
        <source>Delete “{name}” and the secrets saved for it on this computer? Nothing changes in Bitrix24.</source>
        <translation>Удалить «{name}» и сохранённые для него секреты на этом компьютере? В Битрикс24 ничего не изменится.</translation>
    </message>
</context>
<context>
    <name>EntityBrowser</name>
    <message>
        <source>Search: name, phone, e-mail or ID</source>
        <translation>Поиск: имя, телефон, e-mail или ID</translation>
    </message>
    <message>
        <source>&amp;Open in Bitrix24</source>
        <translation>&amp;Открыть в Битрикс24</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>{0} shown</source>
        <translation>Показано: {0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} из {1}</translation>
    </message>
    <message>
        <source>Copy &amp;ID</source>
        <translation>Копировать &amp;ID</translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation>Копировать &amp;имя</translation>
    </message>
    <message>
        <source>Copy &amp;title</source>
        <translation>Копировать &amp;название</translation>
    </message>
    <message>
        <source>Copy &amp;phone</source>
        <translation>Копировать &amp;телефон</translation>
    </message>
    <message>
        <source>Copy &amp;e-mail</source>
        <translation>Копировать &amp;e-mail</translation>
    </message>
    <message>
        <source>&amp;Add participant to {0} selected…</source>
        <translation>&amp;Добавить участника в выбранные ({0})…</translation>
    </message>
    <message>
        <source>&amp;Remove participant from {0} selected…</source>
        <translation>&amp;Удалить участника из выбранных ({0})…</translation>
    </message>
    <message>
        <source>&amp;Join chats of {0} selected</source>
        <translation>П&amp;рисоединиться к чатам выбранных ({0})</translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Стадия</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Phone/E-mail</source>
        <translation>Телефон/E-mail</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>name in the other alphabet</source>
        <translation>имя латиницей или кириллицей</translation>
    </message>
    <message>
        <source>Matched: {0}</source>
        <translation>Совпадение: {0}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No messages in this chat yet.</source>
        <translation>В этом чате пока нет сообщений.</translation>
    </message>
    <message>
        <source>Show all ({0} more characters)</source>
        <translation>Показать всё (ещё символов: {0})</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Система</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(вы)</translation>
    </message>
    <message>
        <source>(customer)</source>
        <translation>(клиент)</translation>
    </message>
    <message>
        <source>File #{id}</source>
        <translation>Файл №{id}</translation>
    </message>
    <message>
        <source>“{0}” goes to {1}. Click it again to open it.</source>
        <translation>«{0}» ведёт на {1}. Нажмите ещё раз, чтобы открыть.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy message &amp;text</source>
        <translation>Копировать &amp;текст сообщения</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>Копировать &amp;ссылку</translation>
    </message>
</context>
<context>
    <name>LeadRow</name>
    <message>
        <source>Create lead</source>
        <translation>Создать лид</translation>
    </message>
    <message>
        <source>Choose an entity first.</source>
        <translation>Сначала выберите элемент CRM.</translation>
    </message>
    <message>
        <source>Create &amp;lead</source>
        <translation>Создать &amp;лид</translation>
    </message>
    <message>
        <source>Creating the lead…</source>
        <translation>Лид создаётся…</translation>
    </message>
    <message>
        <source>Another operator handles this dialogue: you take it over first.</source>
        <translation>Диалог ведёт другой оператор: сначала вы его перехватите.</translation>
    </message>
    <message>
        <source>This chat already has lead #{0}.</source>
        <translation>У этого чата уже есть лид #{0}.</translation>
    </message>
    <message>
        <source>Take over and create &amp;lead…</source>
        <translation>Перехватить и создать &amp;лид…</translation>
    </message>
    <message>
        <source>Create another &amp;lead…</source>
        <translation>Создать ещё один &amp;лид…</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>клиентом</translation>
    </message>
    <message>
        <source>Chat #{0} with {1} already has lead #{2}. Create a second lead? The chat will then belong to the new lead.</source>
        <translation>У чата #{0} с {1} уже есть лид #{2}. Создать второй лид? Тогда чат будет привязан к новому лиду.</translation>
    </message>
    <message>
        <source>Create a lead from chat #{0} with {1}?</source>
        <translation>Создать лид из чата #{0} с {1}?</translation>
    </message>
    <message>
        <source>{0} operates this dialogue, and only its operator can create a lead. Take it over and create the lead? {1}</source>
        <translation>Диалог ведёт {0}, а создать лид может только его оператор. Перехватить диалог и создать лид? {1}</translation>
    </message>
    <message>
        <source>Lead created</source>
        <translation>Лид создан</translation>
    </message>
    <message>
        <source>Lead #{0} was created from this chat. Open it?</source>
        <translation>Из этого чата создан лид №{0}. Открыть его?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Requests</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Diagnostics copied</source>
        <translation>Диагностика скопирована</translation>
    </message>
    <message>
        <source>demo portal</source>
        <translation>демо-портал</translation>
    </message>
    <message>
        <source>Stopped waiting; try again later.</source>
        <translation>Ожидание прервано; попробуйте позже.</translation>
    </message>
    <message>
        <source>This connection keeps no local data.</source>
        <translation>Это подключение не хранит локальных данных.</translation>
    </message>
    <message>
        <source>Local data forgotten; indexing again.</source>
        <translation>Локальные данные удалены; индексация началась заново.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Подключение</translation>
    </message>
    <message>
        <source>&amp;Edit connection</source>
        <translation>&amp;Изменить подключение</translation>
    </message>
    <message>
        <source>&amp;Delete connection</source>
        <translation>&amp;Удалить подключение</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>&amp;Next pane</source>
        <translation>&amp;Следующая панель</translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation>&amp;Предыдущая панель</translation>
    </message>
    <message>
        <source>Request &amp;log</source>
        <translation>&amp;Журнал запросов</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Активность</translation>
    </message>
    <message>
        <source>&amp;Desktop notifications</source>
        <translation>&amp;Уведомления на рабочем столе</translation>
    </message>
    <message>
        <source>A notification when a customer writes in a chat you watch</source>
        <translation>Уведомление, когда клиент пишет в чат, за которым вы следите</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Cha&amp;t</source>
        <translation>&amp;Чат</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>П&amp;рисоединиться</translation>
    </message>
    <message>
        <source>&amp;Add participant…</source>
        <translation>&amp;Добавить участника…</translation>
    </message>
    <message>
        <source>Create &amp;lead…</source>
        <translation>Создать &amp;лид…</translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation>Пере&amp;хватить</translation>
    </message>
    <message>
        <source>T&amp;ransfer…</source>
        <translation>Передать диало&amp;г…</translation>
    </message>
    <message>
        <source>&amp;Finish session…</source>
        <translation>Завер&amp;шить…</translation>
    </message>
    <message>
        <source>Ratin&amp;g…</source>
        <translation>О&amp;ценка…</translation>
    </message>
    <message>
        <source>&amp;Pin or unpin</source>
        <translation>За&amp;крепить или открепить</translation>
    </message>
    <message>
        <source>&amp;Watch this chat</source>
        <translation>Сл&amp;едить за чатом</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Сочетания &amp;клавиш</translation>
    </message>
    <message>
        <source>&amp;About b24desk</source>
        <translation>&amp;О программе b24desk</translation>
    </message>
    <message>
        <source>Open log &amp;folder</source>
        <translation>Открыть &amp;папку журналов</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>&amp;Скопировать диагностику</translation>
    </message>
    <message>
        <source>&amp;Bulk: selected entities</source>
        <translation>&amp;Массово: выбранные элементы</translation>
    </message>
    <message>
        <source>&amp;Remove participant…</source>
        <translation>&amp;Удалить участника…</translation>
    </message>
    <message>
        <source>&amp;Join all</source>
        <translation>&amp;Присоединиться ко всем</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Как в системе</translation>
    </message>
    <message>
        <source>&amp;New connection…</source>
        <translation>&amp;Новое подключение…</translation>
    </message>
    <message>
        <source>&amp;Forget local data</source>
        <translation>Удалить &amp;локальные данные</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>About b24desk</source>
        <translation>О программе b24desk</translation>
    </message>
    <message>
        <source>b24desk {0}
A desk for Bitrix24 contact-centre supervisors.</source>
        <translation>b24desk {0}
Рабочее место руководителя контакт-центра Битрикс24.</translation>
    </message>
</context>
<context>
    <name>NewMessagesButton</name>
    <message>
        <source>New messages: {0} ↓</source>
        <translation>Новых сообщений: {0} ↓</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>adding…</source>
        <translation>добавляется…</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(вы)</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>клиент</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>бот</translation>
    </message>
</context>
<context>
    <name>PeopleBox</name>
    <message>
        <source>A&amp;dd…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>П&amp;рисоединиться</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation>Копировать &amp;имя</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>{0} was added to the chat.</source>
        <translation>{0}: добавлен(а) в чат.</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>Удаление участника</translation>
    </message>
    <message>
        <source>Remove {0} from chat #{1}?</source>
        <translation>Удалить {0} из чата №{1}?</translation>
    </message>
    <message>
        <source>{0} was removed from the chat.</source>
        <translation>{0}: удален(а) из чата.</translation>
    </message>
    <message>
        <source>You joined the chat.</source>
        <translation>Вы присоединились к чату.</translation>
    </message>
</context>
<context>
    <name>PortalPages</name>
    <message>
        <source>The demo portal has no web pages to open.</source>
        <translation>У демо-портала нет веб-страниц.</translation>
    </message>
    <message>
        <source>No web browser could be opened. The address was copied: {0}</source>
        <translation>Не удалось открыть браузер. Адрес скопирован: {0}</translation>
    </message>
    <message>
        <source>The demo portal has no web pages to link to.</source>
        <translation>У демо-портала нет веб-страниц, на которые можно сослаться.</translation>
    </message>
    <message>
        <source>Link copied: {0}</source>
        <translation>Ссылка скопирована: {0}</translation>
    </message>
</context>
<context>
    <name>ProfileActions</name>
    <message>
        <source>Connection “{name}” deleted, with its saved secrets.</source>
        <translation>Подключение «{name}» удалено вместе с сохранёнными секретами.</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <source>Rate the session</source>
        <translation>Оценка сессии</translation>
    </message>
    <message>
        <source>A comment for the operator (optional)</source>
        <translation>Комментарий для оператора (необязательно)</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Комментарий:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Rating (1 poor, 5 excellent):</source>
        <translation>Оценка (1 — плохо, 5 — отлично):</translation>
    </message>
</context>
<context>
    <name>RequestLog</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Метод</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
</context>
<context>
    <name>RestartBar</name>
    <message>
        <source>The new language shows once b24desk starts again.</source>
        <translation>Новый язык появится после перезапуска b24desk.</translation>
    </message>
    <message>
        <source>Restart &amp;now</source>
        <translation>Пере&amp;запустить сейчас</translation>
    </message>
    <message>
        <source>Lat&amp;er</source>
        <translation>Пото&amp;м</translation>
    </message>
</context>
<context>
    <name>SessionPicker</name>
    <message>
        <source>Sessions of this chat seen by b24desk. Bitrix24 gives no list of them: type the number of another session and press Enter.</source>
        <translation>Сессии этого чата, которые видел b24desk. Битрикс24 не даёт их списка: введите номер другой сессии и нажмите Enter.</translation>
    </message>
    <message>
        <source>session number</source>
        <translation>номер сессии</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Сессия:</translation>
    </message>
    <message>
        <source>An earlier session: read only.</source>
        <translation>Прежняя сессия: только чтение.</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>(текущая)</translation>
    </message>
    <message>
        <source>Type a session number, such as 321.</source>
        <translation>Введите номер сессии, например 321.</translation>
    </message>
</context>
<context>
    <name>SessionRow</name>
    <message>
        <source>T&amp;ake over</source>
        <translation>Пере&amp;хватить</translation>
    </message>
    <message>
        <source>T&amp;ransfer…</source>
        <translation>Передать диало&amp;г…</translation>
    </message>
    <message>
        <source>&amp;Finish session…</source>
        <translation>Завер&amp;шить…</translation>
    </message>
    <message>
        <source>Ratin&amp;g…</source>
        <translation>О&amp;ценка…</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>За&amp;крепить</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>От&amp;крепить</translation>
    </message>
    <message>
        <source>Choose an entity first.</source>
        <translation>Сначала выберите элемент CRM.</translation>
    </message>
    <message>
        <source>Another session action is on its way.</source>
        <translation>Другое действие с сессией ещё выполняется.</translation>
    </message>
    <message>
        <source>Session closed</source>
        <translation>Сессия закрыта</translation>
    </message>
    <message>
        <source>You operate this dialogue</source>
        <translation>Вы ведёте этот диалог</translation>
    </message>
    <message>
        <source>Operator: {0}</source>
        <translation>Оператор: {0}</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>закреплён</translation>
    </message>
    <message>
        <source>rated {0} of 5</source>
        <translation>оценка {0} из 5</translation>
    </message>
    <message>
        <source>{0} (Bitrix24&apos;s answer was lost; the dialogue shows it done.)</source>
        <translation>{0} (Ответ Битрикс24 потерялся, но в диалоге видно, что это сделано.)</translation>
    </message>
    <message>
        <source>You now operate this dialogue.</source>
        <translation>Теперь этот диалог ведёте вы.</translation>
    </message>
    <message>
        <source>Chat #{0} with {1}, now with {2}.</source>
        <translation>Чат #{0}, клиент: {1}, сейчас у оператора: {2}.</translation>
    </message>
    <message>
        <source>The dialogue was transferred to {0}.</source>
        <translation>Диалог передан: {0}.</translation>
    </message>
    <message>
        <source>The dialogue was sent to the queue of «{0}».</source>
        <translation>Диалог передан в очередь линии «{0}».</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>клиент</translation>
    </message>
    <message>
        <source>Finish the session of {0} with {1} in chat #{2}? The customer&apos;s next message starts a new session.</source>
        <translation>Завершить сессию в чате #{2}? Оператор: {0}, клиент: {1}. Следующее сообщение клиента начнёт новую сессию.</translation>
    </message>
    <message>
        <source>Finish session</source>
        <translation>Завершение сессии</translation>
    </message>
    <message>
        <source>The session was finished.</source>
        <translation>Сессия завершена.</translation>
    </message>
    <message>
        <source>Session #{0} of {1} with {2}.</source>
        <translation>Сессия #{0}, оператор: {1}, клиент: {2}.</translation>
    </message>
    <message>
        <source>Your rating was saved.</source>
        <translation>Ваша оценка сохранена.</translation>
    </message>
    <message>
        <source>The dialogue was pinned.</source>
        <translation>Диалог закреплён.</translation>
    </message>
    <message>
        <source>The dialogue was unpinned.</source>
        <translation>Диалог откреплён.</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Что делают</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Stop &amp;waiting</source>
        <translation>Не &amp;ждать</translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation>Подключение к {0}…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Нет подключения</translation>
    </message>
    <message>
        <source>Bitrix24 paused these requests; continuing in {0}:{1:02d}</source>
        <translation>Битрикс24 приостановил эти запросы; продолжение через {0}:{1:02d}</translation>
    </message>
    <message>
        <source>{0} in flight</source>
        <translation>в работе: {0}</translation>
    </message>
    <message>
        <source>rate headroom {0}/{1}</source>
        <translation>запас запросов {0}/{1}</translation>
    </message>
    <message>
        <source>Local search ready</source>
        <translation>Локальный поиск готов</translation>
    </message>
    <message>
        <source>Indexing leads: {0}…</source>
        <translation>Индексация лидов: {0}…</translation>
    </message>
    <message>
        <source>Indexing deals: {0}…</source>
        <translation>Индексация сделок: {0}…</translation>
    </message>
    <message>
        <source>Indexing contacts: {0}…</source>
        <translation>Индексация контактов: {0}…</translation>
    </message>
    <message>
        <source>Indexing companies: {0}…</source>
        <translation>Индексация компаний: {0}…</translation>
    </message>
    <message>
        <source>Live: shared</source>
        <translation>Онлайн: не только здесь</translation>
    </message>
    <message>
        <source>Another application reads this user&apos;s chat events, so some updates may not reach this window. Press F5 to refresh.</source>
        <translation>События чатов этого пользователя читает ещё одно приложение, поэтому часть обновлений может не дойти до этого окна. Нажмите F5, чтобы обновить.</translation>
    </message>
    <message>
        <source>Live: retrying</source>
        <translation>Онлайн: повтор</translation>
    </message>
    <message>
        <source>Bitrix24 did not answer; updates resume by themselves.</source>
        <translation>Битрикс24 не ответил; обновления возобновятся сами.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <source>Updated at {0}</source>
        <translation>Обновлено в {0}</translation>
    </message>
    <message>
        <source>Some saved data could not be read and was kept aside (nothing was erased): {0}</source>
        <translation>Часть сохранённых данных не удалось прочитать; они отложены в сторону (ничего не удалено): {0}</translation>
    </message>
</context>
<context>
    <name>TransferPicker</name>
    <message>
        <source>Transfer the dialogue</source>
        <translation>Передача диалога</translation>
    </message>
    <message>
        <source>Loading the operators and lines…</source>
        <translation>Загружаем операторов и линии…</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Передать</translation>
    </message>
    <message>
        <source>The operators and lines could not be loaded.</source>
        <translation>Не удалось загрузить операторов и линии.</translation>
    </message>
    <message>
        <source>Operators of «{0}»</source>
        <translation>Операторы линии «{0}»</translation>
    </message>
    <message>
        <source>Queues of the open lines</source>
        <translation>Очереди открытых линий</translation>
    </message>
    <message>
        <source>Queue of «{0}» ({1} operators)</source>
        <translation>Очередь линии «{0}» (операторов: {1})</translation>
    </message>
    <message>
        <source>There is nobody to transfer to.</source>
        <translation>Передать некому.</translation>
    </message>
</context>
<context>
    <name>UnsentBanner</name>
    <message>
        <source>Move the text back into the composer</source>
        <translation>Вернуть текст в поле ввода</translation>
    </message>
    <message>
        <source>Chec&amp;k and resend</source>
        <translation>Проверить и отправ&amp;ить</translation>
    </message>
    <message>
        <source>P&amp;ut back</source>
        <translation>Вернуть в пол&amp;е</translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation>От&amp;бросить</translation>
    </message>
    <message>
        <source>Not sent: “{0}” — {1}</source>
        <translation>Не отправлено: «{0}» — {1}</translation>
    </message>
    <message>
        <source>Sending “{0}”…</source>
        <translation>Отправляется «{0}»…</translation>
    </message>
    <message>
        <source>Not confirmed by Bitrix24: “{0}”</source>
        <translation>Не подтверждено Битрикс24: «{0}»</translation>
    </message>
    <message>
        <source>(and {0} more)</source>
        <translation>(и ещё {0})</translation>
    </message>
</context>
<context>
    <name>UserPicker</name>
    <message>
        <source>Add participant</source>
        <translation>Добавить участника</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Введите имя…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Type part of a name to search.</source>
        <translation>Введите часть имени для поиска.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>The search failed. Check the connection and try again.</source>
        <translation>Поиск не удался. Проверьте подключение и попробуйте снова.</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>Никого не найдено.</translation>
    </message>
    <message>
        <source>Everyone found is already in the chat or inactive.</source>
        <translation>Все найденные уже в чате или неактивны.</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>неактивен</translation>
    </message>
    <message>
        <source>already in the chat</source>
        <translation>уже в чате</translation>
    </message>
    <message>
        <source>online</source>
        <translation>в сети</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>не в сети</translation>
    </message>
    <message>
        <source>operator of this line</source>
        <translation>оператор этой линии</translation>
    </message>
    <message>
        <source>in {0} of {1} chats</source>
        <translation>в {0} из {1} чатов</translation>
    </message>
</context>
<context>
    <name>Watching</name>
    <message>
        <source>The list of watched chats could not be read; it was kept as {0}.</source>
        <translation>Список отслеживаемых чатов не удалось прочитать; он сохранён как {0}.</translation>
    </message>
    <message>
        <source>The watched chats could not be saved: {0}</source>
        <translation>Не удалось сохранить отслеживаемые чаты: {0}</translation>
    </message>
    <message>
        <source>No longer watching chat #{0}.</source>
        <translation>Чат #{0} больше не отслеживается.</translation>
    </message>
    <message>
        <source>Watching chat #{0}.</source>
        <translation>Чат #{0} отслеживается.</translation>
    </message>
    <message>
        <source>Bitrix24 tells only participants about new messages: join the chat to be notified.</source>
        <translation>Битрикс24 сообщает о новых сообщениях только участникам: присоединитесь к чату, чтобы получать уведомления.</translation>
    </message>
    <message>
        <source>Desktop notifications are off: View → Desktop notifications.</source>
        <translation>Уведомления на рабочем столе выключены: Вид → Уведомления на рабочем столе.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so b24desk cannot show desktop notifications here. Watched chats are marked in the Activity panel.</source>
        <translation>В этой рабочей среде нет системного лотка, поэтому b24desk не может показывать здесь уведомления. Отслеживаемые чаты отмечены в панели «Активность».</translation>
    </message>
    <message>
        <source>New messages in {0} watched chats</source>
        <translation>Новые сообщения в отслеживаемых чатах: {0}</translation>
    </message>
    <message>
        <source>Chat #{0}</source>
        <translation>Чат #{0}</translation>
    </message>
    <message>
        <source>{0} new messages, the last: {1}</source>
        <translation>Новых сообщений: {0}, последнее: {1}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>No saved profile named “{0}”.</source>
        <translation>Нет сохранённого подключения «{0}».</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong. Try again; if it keeps happening, see the log.</source>
        <translation>Что-то пошло не так. Попробуйте ещё раз; если ошибка повторяется, загляните в журнал.</translation>
    </message>
    <message>
        <source>The request to Bitrix24 failed.</source>
        <translation>Запрос к Битрикс24 не выполнен.</translation>
    </message>
    <message>
        <source>The connection settings are not valid. Check the portal address.</source>
        <translation>Настройки подключения неверны. Проверьте адрес портала.</translation>
    </message>
    <message>
        <source>Bitrix24 could not be reached. Check the network and try again.</source>
        <translation>Битрикс24 недоступен. Проверьте сеть и попробуйте снова.</translation>
    </message>
    <message>
        <source>Cannot connect to Bitrix24. Check the network or the portal address.</source>
        <translation>Не удаётся подключиться к Битрикс24. Проверьте сеть или адрес портала.</translation>
    </message>
    <message>
        <source>Bitrix24 is taking too long to answer. Try again in a moment.</source>
        <translation>Битрикс24 слишком долго не отвечает. Попробуйте чуть позже.</translation>
    </message>
    <message>
        <source>The connection to Bitrix24 broke off. Try again.</source>
        <translation>Соединение с Битрикс24 прервалось. Попробуйте снова.</translation>
    </message>
    <message>
        <source>Bitrix24 sent an unreadable answer (maintenance or a proxy error).</source>
        <translation>Битрикс24 прислал непонятный ответ (технические работы или ошибка прокси).</translation>
    </message>
    <message>
        <source>The change was sent, but Bitrix24&apos;s answer was lost. Check whether it was applied before trying again.</source>
        <translation>Изменение отправлено, но ответ Битрикс24 потерялся. Прежде чем повторять, проверьте, применилось ли оно.</translation>
    </message>
    <message>
        <source>This step was not run because an earlier step failed.</source>
        <translation>Этот шаг не выполнен, потому что не удался предыдущий.</translation>
    </message>
    <message>
        <source>Bitrix24 refused the request.</source>
        <translation>Битрикс24 отклонил запрос.</translation>
    </message>
    <message>
        <source>Bitrix24 is limiting requests. Please wait a moment.</source>
        <translation>Битрикс24 ограничивает частоту запросов. Подождите немного.</translation>
    </message>
    <message>
        <source>Bitrix24 is busy with too many requests. Retrying shortly.</source>
        <translation>Битрикс24 перегружен запросами. Скоро попробуем снова.</translation>
    </message>
    <message>
        <source>Bitrix24 has paused this kind of request for a few minutes.</source>
        <translation>Битрикс24 приостановил такие запросы на несколько минут.</translation>
    </message>
    <message>
        <source>Bitrix24 did not accept the sign-in. Check the connection settings.</source>
        <translation>Битрикс24 не принял авторизацию. Проверьте настройки подключения.</translation>
    </message>
    <message>
        <source>The Bitrix24 session expired. Reconnecting…</source>
        <translation>Сессия Битрикс24 истекла. Переподключение…</translation>
    </message>
    <message>
        <source>The webhook or access token is not valid any more. Check the connection.</source>
        <translation>Вебхук или токен доступа больше не действует. Проверьте подключение.</translation>
    </message>
    <message>
        <source>Your Bitrix24 sign-in has ended. Please sign in again.</source>
        <translation>Авторизация в Битрикс24 закончилась. Войдите снова.</translation>
    </message>
    <message>
        <source>You do not have permission to do this in Bitrix24.</source>
        <translation>У вас нет прав на это действие в Битрикс24.</translation>
    </message>
    <message>
        <source>The webhook lacks a permission (scope) this needs. Ask your administrator.</source>
        <translation>Вебхуку не хватает нужного права доступа (scope). Обратитесь к администратору.</translation>
    </message>
    <message>
        <source>This user cannot post in the chat. Add them to the chat first.</source>
        <translation>Этот пользователь не может писать в чат. Сначала добавьте его в чат.</translation>
    </message>
    <message>
        <source>Only the operator currently handling this dialogue can do that.</source>
        <translation>Это может сделать только оператор, который сейчас ведёт диалог.</translation>
    </message>
    <message>
        <source>You are not allowed to remove participants from this chat.</source>
        <translation>У вас нет прав удалять участников из этого чата.</translation>
    </message>
    <message>
        <source>It was not found in Bitrix24; it may have been deleted.</source>
        <translation>Не найдено в Битрикс24; возможно, удалено.</translation>
    </message>
    <message>
        <source>This Bitrix24 portal does not offer this function.</source>
        <translation>На этом портале Битрикс24 такой функции нет.</translation>
    </message>
    <message>
        <source>Bitrix24 rejected the request&apos;s data.</source>
        <translation>Битрикс24 отклонил данные запроса.</translation>
    </message>
    <message>
        <source>Choose the employee or the open line to transfer the dialogue to.</source>
        <translation>Выберите сотрудника или открытую линию, которым передать диалог.</translation>
    </message>
    <message>
        <source>Give a rating from 1 to 5 or write a comment.</source>
        <translation>Поставьте оценку от 1 до 5 или напишите комментарий.</translation>
    </message>
    <message>
        <source>This cannot be done in the object&apos;s current state. Refresh and retry.</source>
        <translation>В текущем состоянии это сделать нельзя. Обновите данные и повторите.</translation>
    </message>
    <message>
        <source>This chat is not linked to the CRM record any more. Refresh the list.</source>
        <translation>Этот чат больше не привязан к элементу CRM. Обновите список.</translation>
    </message>
    <message>
        <source>This employee is inactive or no longer exists.</source>
        <translation>Этот сотрудник неактивен или больше не существует.</translation>
    </message>
    <message>
        <source>The participant list already changed. Refresh and retry.</source>
        <translation>Список участников уже изменился. Обновите и повторите.</translation>
    </message>
    <message>
        <source>Bitrix24 did not hand the dialogue over: it may be closed or already with that operator, or the operator or line cannot take it now.</source>
        <translation>Битрикс24 не передал диалог: он, возможно, уже закрыт или уже у этого оператора, либо оператор или линия не могут принять его сейчас.</translation>
    </message>
    <message>
        <source>Bitrix24 had an internal error. Try again in a moment.</source>
        <translation>Внутренняя ошибка Битрикс24. Попробуйте чуть позже.</translation>
    </message>
    <message>
        <source>Bitrix24&apos;s sign-in answer pointed to a different server. The connection was stopped for safety; check the portal address.</source>
        <translation>Ответ Битрикс24 при входе указал на другой сервер. Подключение остановлено из соображений безопасности; проверьте адрес портала.</translation>
    </message>
    <message>
        <source>The b24desk application is not installed on this Bitrix24 portal any more. Ask your administrator to install it again.</source>
        <translation>Приложение b24desk больше не установлено на этом портале Битрикс24. Попросите администратора установить его снова.</translation>
    </message>
    <message>
        <source>This works only when connected as a Bitrix24 application, not through a webhook.</source>
        <translation>Это работает только при подключении как приложение Битрикс24, а не через вебхук.</translation>
    </message>
    <message>
        <source>Only employees of this Bitrix24 portal can do this, not external users.</source>
        <translation>Это могут делать только сотрудники этого портала Битрикс24, а не внешние пользователи.</translation>
    </message>
    <message>
        <source>A Bitrix24 administrator must first approve this. Try again once approved.</source>
        <translation>Сначала это должен одобрить администратор Битрикс24. Повторите после одобрения.</translation>
    </message>
    <message>
        <source>A Bitrix24 administrator has not allowed this.</source>
        <translation>Администратор Битрикс24 это не разрешил.</translation>
    </message>
    <message>
        <source>This Bitrix24 portal has been deleted or closed. Connect to another portal.</source>
        <translation>Этот портал Битрикс24 удалён или закрыт. Подключитесь к другому порталу.</translation>
    </message>
    <message>
        <source>You are not in this chat yet. Join it to write.</source>
        <translation>Вы ещё не участник этого чата. Присоединитесь, чтобы писать.</translation>
    </message>
    <message>
        <source>Bitrix24 did not confirm the message and it is not in the chat yet. It waits above the composer: check and resend it, or discard it.</source>
        <translation>Битрикс24 не подтвердил сообщение, и в чате его пока нет. Оно ждёт над полем ввода: проверьте и отправьте его снова или отбросьте.</translation>
    </message>
    <message>
        <source>A lead is already being created from this chat.</source>
        <translation>Лид из этого чата уже создаётся.</translation>
    </message>
    <message>
        <source>This chat already has a lead. Confirm to create a second one.</source>
        <translation>У этого чата уже есть лид. Подтвердите, чтобы создать второй.</translation>
    </message>
    <message>
        <source>The customer cannot be removed from their own chat.</source>
        <translation>Клиента нельзя удалить из его собственного чата.</translation>
    </message>
    <message>
        <source>That session belongs to another chat.</source>
        <translation>Эта сессия относится к другому чату.</translation>
    </message>
    <message>
        <source>The rate limit needs a positive rate and a burst of at least 1.</source>
        <translation>Для ограничения частоты нужны положительная скорость и запас не меньше 1.</translation>
    </message>
    <message>
        <source>A webhook profile needs the user ID from the webhook URL.</source>
        <translation>Для вебхука нужен ID пользователя из адреса вебхука.</translation>
    </message>
    <message>
        <source>An OAuth profile needs the application&apos;s client_id.</source>
        <translation>Для подключения OAuth нужен код приложения (client_id).</translation>
    </message>
    <message>
        <source>Profile {name!r} is not a webhook profile.</source>
        <translation>Подключение «{name}» — не вебхук.</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>У подключения должно быть название.</translation>
    </message>
    <message>
        <source>Unknown profile kind {kind!r}: use &apos;webhook&apos; or &apos;oauth&apos;.</source>
        <translation>Неизвестный тип подключения «{kind}»: укажите &apos;webhook&apos; или &apos;oauth&apos;.</translation>
    </message>
    <message>
        <source>The portal URL must start with https:// and name a host.</source>
        <translation>Адрес портала должен начинаться с https:// и содержать имя сервера.</translation>
    </message>
    <message>
        <source>The token URL must start with https:// and name a host.</source>
        <translation>Адрес получения токенов должен начинаться с https:// и содержать имя сервера.</translation>
    </message>
    <message>
        <source>HTTPS is required for {host}: Bitrix24 is reached only over https://.</source>
        <translation>Для {host} нужен HTTPS: к Битрикс24 подключаются только по https://.</translation>
    </message>
    <message>
        <source>Not a webhook URL: expected {shape}</source>
        <translation>Это не адрес вебхука; ожидается {shape}</translation>
    </message>
    <message>
        <source>The webhook URL has no user ID and code: expected {shape}</source>
        <translation>В адресе вебхука нет ID пользователя и кода; ожидается {shape}</translation>
    </message>
    <message>
        <source>No webhook code is stored for profile {name!r}; paste the webhook URL again.</source>
        <translation>Для подключения «{name}» не сохранён код вебхука; вставьте адрес вебхука ещё раз.</translation>
    </message>
    <message>
        <source>Cannot read the secrets file {path}: {reason}</source>
        <translation>Не удаётся прочитать файл секретов {path}: {reason}</translation>
    </message>
    <message>
        <source>Cannot write the secrets file {path}: {reason}</source>
        <translation>Не удаётся записать файл секретов {path}: {reason}</translation>
    </message>
    <message>
        <source>A profile named {name!r} already exists.</source>
        <translation>Подключение «{name}» уже есть.</translation>
    </message>
    <message>
        <source>There is no profile named {name!r}.</source>
        <translation>Подключения «{name}» нет.</translation>
    </message>
    <message>
        <source>Cannot save settings to {path}: {reason}</source>
        <translation>Не удаётся сохранить настройки в {path}: {reason}</translation>
    </message>
    <message>
        <source>Bitrix24 did not confirm this change; look at the chat to see whether it happened.</source>
        <translation>Битрикс24 не подтвердил это изменение; посмотрите в чате, применилось ли оно.</translation>
    </message>
    <message>
        <source>Cancelled before its turn.</source>
        <translation>Отменено до того, как дошла очередь.</translation>
    </message>
    <message>
        <source>Bitrix24&apos;s answer was lost and the dialogue does not show the change. Look at the dialogue before trying again.</source>
        <translation>Ответ Битрикс24 потерялся, и в диалоге изменения не видно. Посмотрите диалог, прежде чем пробовать снова.</translation>
    </message>
    <message>
        <source>The webhook code is wrong, or the webhook was deleted in Bitrix24. Copy the webhook URL from Bitrix24 again.</source>
        <translation>Код вебхука неверен, или вебхук удалён в Битрикс24. Скопируйте URL вебхука из Битрикс24 ещё раз.</translation>
    </message>
    <message>
        <source>Bitrix24 did not accept the client ID, the client secret or the refresh token.</source>
        <translation>Битрикс24 не принял ID клиента, секрет клиента или refresh-токен.</translation>
    </message>
    <message>
        <source>The refresh token is no longer valid. Open the application in Bitrix24 and take a new one.</source>
        <translation>Refresh-токен больше не действует. Откройте приложение в Битрикс24 и возьмите новый.</translation>
    </message>
</context>
<context>
    <name>keyboard</name>
    <message>
        <source>Not possible now: {0}.</source>
        <translation>Сейчас невозможно: {0}.</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Find (the search box)</source>
        <translation>Найти (поле поиска)</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>Следующая панель</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Предыдущая панель</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Show or hide the request log</source>
        <translation>Показать или скрыть журнал запросов</translation>
    </message>
    <message>
        <source>Show or hide the Activity</source>
        <translation>Показать или скрыть «Активность»</translation>
    </message>
    <message>
        <source>Join the chat</source>
        <translation>Присоединиться к чату</translation>
    </message>
    <message>
        <source>Add a participant to the chat</source>
        <translation>Добавить участника в чат</translation>
    </message>
    <message>
        <source>Create a lead from the chat</source>
        <translation>Создать лид из чата</translation>
    </message>
    <message>
        <source>Take the dialogue over</source>
        <translation>Перехватить диалог</translation>
    </message>
    <message>
        <source>Transfer the dialogue to an operator or a queue</source>
        <translation>Передать диалог оператору или в очередь</translation>
    </message>
    <message>
        <source>Finish the dialogue&apos;s session</source>
        <translation>Завершить сессию диалога</translation>
    </message>
    <message>
        <source>Watch the chat (desktop notifications) or stop watching it</source>
        <translation>Следить за чатом (уведомления на рабочем столе) или перестать</translation>
    </message>
    <message>
        <source>Rate the session</source>
        <translation>Оценить сессию</translation>
    </message>
    <message>
        <source>Pin or unpin the dialogue</source>
        <translation>Закрепить или открепить диалог</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>Этот список сочетаний</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>In the search box: go to the results</source>
        <translation>В поле поиска: перейти к результатам</translation>
    </message>
    <message>
        <source>In the results: open the chat and go to it</source>
        <translation>В результатах: открыть чат и перейти в него</translation>
    </message>
    <message>
        <source>In the message box: send</source>
        <translation>В поле сообщения: отправить</translation>
    </message>
    <message>
        <source>Next field (Shift+Tab: previous)</source>
        <translation>Следующее поле (Shift+Tab: предыдущее)</translation>
    </message>
    <message>
        <source>Copy and open menu (also Shift+F10)</source>
        <translation>Меню копирования и открытия (также Shift+F10)</translation>
    </message>
    <message>
        <source>With an underlined letter: that button or menu</source>
        <translation>С подчёркнутой буквой: эта кнопка или меню</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>Secrets are stored in a file readable only by you, because no system keyring is available.</source>
        <translation>Системного хранилища паролей нет, поэтому секреты хранятся в файле, доступном только вам.</translation>
    </message>
    <message>
        <source>There is no chat to create a lead from.</source>
        <translation>Нет чата, из которого можно создать лид.</translation>
    </message>
    <message>
        <source>Only the chat&apos;s current operator can create a lead.</source>
        <translation>Создать лид может только текущий оператор чата.</translation>
    </message>
    <message>
        <source>The customer cannot be removed from their own chat.</source>
        <translation>Клиента нельзя удалить из его собственного чата.</translation>
    </message>
    <message>
        <source>There is no chat here.</source>
        <translation>Здесь нет чата.</translation>
    </message>
    <message>
        <source>The session is closed.</source>
        <translation>Сессия закрыта.</translation>
    </message>
    <message>
        <source>You already handle this dialogue.</source>
        <translation>Вы уже ведёте этот диалог.</translation>
    </message>
    <message>
        <source>This chat has no session to rate.</source>
        <translation>У этого чата нет сессии для оценки.</translation>
    </message>
    <message>
        <source>Only heads of this line can rate.</source>
        <translation>Оценивать могут только руководители этой линии.</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контакты</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Лид</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
</context>
</TS>
