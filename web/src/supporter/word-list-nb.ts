/**
 * @module
 * The Norwegian (bokmål) word list for suggested passphrases: 4,096 common,
 * plain words of 4 to 8 letters.
 *
 * Source: the bokmål word list of the Debian package `wnorwegian` 2.2-4
 * (`/usr/share/dict/bokmål`, from the spell-norwegian project; © 2000 Rune
 * Kleveland, 2005-2006 the spell-norwegian maintainers; GNU General Public
 * License, version 2 or any later version, so usable in this AGPL-3.0-or-later
 * project). Made by `scripts/nb-word-list.py`'s rule, kept here as data:
 *
 * - lower-case a–z only, 4 to 8 letters: no æ, ø or å (they are typed
 *   differently on different keyboards and have two Unicode forms, and a
 *   passphrase must be typed the same way on every device), no capitals,
 *   hyphens or digits;
 * - a headword, not an inflected form: the list also holds its inflections
 *   (a noun with its definite and plural forms, a verb with its present and
 *   past, an adjective with its neuter and comparative);
 * - in the nynorsk list too (shared, everyday vocabulary);
 * - common: the 4,096 words that begin the most other words of the list
 *   (compounds and inflections), a stand-in for frequency;
 * - without words about death, illness, violence or sex, and without words
 *   that are common passwords.
 *
 * 4,096 words give exactly 12 bits each when drawn at random; six words
 * ({@link NB_SUGGESTED_WORDS}) carry 72 bits.
 */

// One string rather than an array literal: smaller to ship and to parse.
const PACKED =
  'abonnent addisjon adjektiv admiral adopsjon adoptiv advent adverb advokat afasi affekt ' +
  'aften agent agentur agronom agurk akademi akantus akke akkord akryl akse aksent aksept ' +
  'aksial aksiom aksjelov aksjon aksl aksle akte aktiv aktive akutt akvarell alarm alba ' +
  'albansk alfa alfabet alkali alle allergi alpin altan alte alun alvor amalgam amfi amin ' +
  'amme amor amper analog analogi ananas anarki anatom andakt ande anestesi ange angora ' +
  'angr angre angrep animal anis anke ankr ankring anlegg anneks annuitet anonym anse ' +
  'ansikt anslag anstalt ansvar antikva antikvar anvis apotek apparat appell appelsin ' +
  'appetitt aprikos arbeid arbeide areal arge argument arkitekt arkiv arme armering armod ' +
  'aroma arrest arsen arte artist artium arve asbest asfalt aske aspirant astma astrakan ' +
  'asyl atlant atlas atom attentat attest auksjon aure autograf automat autor aval avbrott ' +
  'avdeling avdrag avfall avgang avgass avgift avgrunn avgud avhol avis avise avkast avklar ' +
  'avlat avle avleiing avling avokado avreis avrette avskjed avsky avsnitt avstand avtak ' +
  'avtal avtale avtrekk avund avvik avvis baby back bacon bade bagatell bahai baiss bajas ' +
  'bajonett bake bakeri bakgrunn bakk bakke baks bakse bakset baksete bakst baktal ball ' +
  'ballast balle ballett ballong balsa balsam bambus banal banan band bande bandy bane bank ' +
  'banke bankgiro banko bann banne bantu baptist barbar barbari barber bardun bark barke ' +
  'barm barn barnesko barokk baron barsk bart baryton basal basar base baseball basis bask ' +
  'baske bass basse bast bastard basun batteri baug baut bede bedehus bedrag bedrift befal ' +
  'behag beherske behov bein beink beis beisk beit beite bekk bekken belegg belg belt belte ' +
  'bend bende bene benk benke bensin berg bergart berge berging bergverk berserk bese ' +
  'beslag best bestand bestikk beta betal betaling betl betle betong beundre bevar bevaring ' +
  'beve bevis bide bidevind bidrag bikini bikk bilbruk bild bilde bile biljard billett ' +
  'bilspor bind binde binding bing bingo biograf biolog biologi bisam bisk bisp bistand ' +
  'bitt bitte blad blakk bland blande blanding blank blanke blankett blaut blei bleie bleik ' +
  'bleike blekk blend blende bles blid blikk blind blinde blink blinke blits blitz blod ' +
  'blokk blokke blom blomstr blond blot blues blund blyant blyg bobl boble boge bohem ' +
  'boikott bokbind bokk bokklubb boks bokse bokstav boktrykk bolt bolte bomb bomme boms ' +
  'bomull bong bonn bonus bord borde bordell bore borg borge boss bosse bote botn botne ' +
  'bowl bowling brak brakk brakke brann bras bratt braut bred bredd brei breidd breis brek ' +
  'brekk brems bremse brett brev briljant bring bris brisk brisling broderi brokk brons ' +
  'bronse brott brud bruk bruke bruktbil brun brune brunst brur brus brusk brutto brygg ' +
  'brygge bryggeri bryn bryst buddhist budsjett bukk bukke bukl bukt buldr bule bulk bunad ' +
  'bunk bunke bunt bure bursdag buse business busk buss busse bust buste butikk butt butte ' +
  'bydel bygd byge bygg bygge bygning bygsl byplan byrett byss bystyre bytt bytte camp ' +
  'camping catering cello cent clearing cocktail cola cowboy cruis cruise cyan dage dale ' +
  'damp dampskip danne dans danse dansk danske data dato daud dauv debatt debet debitor ' +
  'debut deig deis dekan dekk dekke dekning dekode dekor dele delfin deling delstat delta ' +
  'deltid demisjon demo demokrat demon depot derby derivat design designe desim desimal ' +
  'desk dessert detalj detektiv diagonal diakon diakoni dialekt dialog diamant dias diett ' +
  'diffus difteri diftong digital dikt diktat dikte dill dioksin diplom diplomat direktiv ' +
  'dirigent disiplin disk diske diskett disko diskonto diskos diskotek disse distrikt diva ' +
  'divisjon djup dobb dogg dogme dokk dokke doktor dokument dolk dollar domisil dommedag ' +
  'domstol dongeri doping dorg drag drage drakt drama dramme draug dregg drei dreie dren ' +
  'dress dressur drible drift drikk drikke drill driv drive drivhus drog dronning dryg ' +
  'drypp duft dugnad dukk dukke dump dumpe dumping dunk dunke dusj dusk duske duste dverg ' +
  'dykk dykke dynamitt dyrevern dyrking dyst eddik edruskap effekt effektiv egal egge egne ' +
  'ekko ekorn eksamen ekse eksem eksil eksis eksos ekspert eksport ekspress ekstrem ekte ' +
  'ekteskap ekvator eldst elefant elektron element elev elle elleve elsk elske elverk ' +
  'emisjon emne emosjon empiri ende endring energi engelsk ense entre epidemi eple erfaring ' +
  'erkebisp erme erobring eros erosjon erot erte eske eskimo essay este estet estimat ' +
  'etablere etat etikett etikk etnolog etse etymolog euro eventyr evne fabrikk fakke faks ' +
  'faktor faktori faktura fakultet fald falk fall falle fals false falsk famn famne fane ' +
  'fang fange fangst fant fantasi fante fantom fare farg farge farm fars farskap fart ' +
  'fascist fase fasett fasong fast faste fastland fatal fatte faun favoritt feber feie feil ' +
  'feile feit feite fekte fele felg fell felt feng fengsl fenol fenomen ferd ferde ferg ' +
  'ferj ferje ferm ferme ferment fersk ferske fersken fert fest feste festival festning ' +
  'fete fett fiff fight fighte figur fike fiken fiks fikse fiksjon filateli file filet ' +
  'filial fille filler film filme filosof filosofi filt filte filtr filtre final finans ' +
  'fine finer fingr fink finn finne finsk fint finte fiol fiolin fire firkant firma fise ' +
  'fisjon fisk fiske fiskeri fisl fjell fjern fjernsyn fjes fjoll fjolle fjon fjord flage ' +
  'flagg flagge flak flamenco flamme flan flane flanell flask flaske flass flat flate flau ' +
  'flaum flekk flekke flerr fles flesk fleske flett flette flik flikk flint flipp flir flis ' +
  'flise flod flok flokk flop flor flora floss flott flotte fluid flukt fluor fluss ' +
  'flyplass flyt flyte flytte fnis fokk fold folde folio folk folke folkeliv foll fond font ' +
  'forakt forakte forbruk forbruke forbund fordel forderv forderve fordre fordring fordriv ' +
  'fore foredrag foreles foretak forfall forfatte forgift forhold fork forkaste forlag ' +
  'forlik forlike forlove form formal forman formast formaste format forme formidle forming ' +
  'forn fornuft fornye forord forplant forpost forske forsking forskott forslag forson ' +
  'forst forstand forstu forsvar forsvare forsyn fort fortau forte fortid fortreng forvalte ' +
  'forynge fosfat fosfor foss fosse foto fotograf fotostat fragment frakk fraksjon frakt ' +
  'frakte framleie framtid framvis franc frank franko fransk fras frase fred fredag frede ' +
  'frekvens frels frelse fremme fremmend fres friksjon frilans friluft frimerke frise frisk ' +
  'frist fristil fritak fritid fritt frityr front frosk froske frost frukt fruktbar fryd ' +
  'fryde frykt fryns frys fryse fuge fugl fukt full fullmakt funkis funksjon funn furt furu ' +
  'fuse fusjon fusk fuske fylk fylke fynd fyring fyrst fyrstikk fysikk gagn gald gale gall ' +
  'galla galle galleri gallup galopp gamma gand gane gang gange gape garant garanti gard ' +
  'gardin garn garnison garp garve gass gasse gast gatt gauk gauke gaul gaup gaupe gave ' +
  'gebyr geit geite gele general geni geograf geografi gerilja gest gevinst gifte gigant ' +
  'gikt gild gips gire giro gisse gitar gjel gjeld gjell gjen gjendikt gjeng gjenge gjentak ' +
  'gjerd gjerde gjerning gjest gjeste gjet gjete glad glan glans glas glatt gled glede glid ' +
  'glide glim glip glis global glor glos glose glugg glup gnag gnav gnist gobelin gods godt ' +
  'godte golf golv gondol goodwill gourmet grad grade graf grafikk grafitt grafs gran grand ' +
  'granitt grann granne gras grat graut grave gravferd grei grein gren grend grens grense ' +
  'grep gresk grev greve grill grim grin grind gris grise gross grossist grov grunn grunne ' +
  'grunnfag grunnlag grunnlov grus gryn grynt guid guide gull gullsmed gummi gunst gust ' +
  'gymnas gymnast gyng gyro gyte habil hagebruk hagl haik hake hakk hakke hald hale hall ' +
  'halle hallik halling hallo halm halo hals halse halv halve halvt hamn hamne hamp hams ' +
  'handball handikap handl handle handling hands handverk hang hank hann hard harding harem ' +
  'harm harmoni harp harpe harpun harsk hasard hasj hasp haspe hast haste hatt haug hauge ' +
  'hauk hauke haus haust havari havbeite have havfiske havrett heft hefte heil heim heime ' +
  'heiml heimstad heis heise heit hekk hekke hekl hekle heks hekse hekt hekto held helde ' +
  'hele helg helge helgen hell helle hellen hels helse helt helvete hemme hend hende heng ' +
  'hengsl hensikt hente herberg herberge herd herde herk herm herme hero herr hers herskap ' +
  'herske hertug hesj hesje hesp hespe hest hestesko hete hets hevd heve hikst hikste hind ' +
  'hindu hingst hipp hird hiss hitt hitte hjelm hjelp hjerte hjort hjul hobby hockey hoff ' +
  'hoft hogg hogge hogst hold holde holding holdning hole holk holme homogen honning ' +
  'honorar hope hopp hoppe horisont hormon horn hose hospital hospits host hoste hote ' +
  'hotell hovmod hugg hugge hugs hulk hull human huml humle humor hund hundre hurr husar ' +
  'husbank husdyr huse husflid husk huske husstand husstell hustr hybrid hydra hydrogen ' +
  'hygg hygge hykle hyll hylle hylling hypp hyre hysj hytt hytte ideal ideolog ideologi ' +
  'idol idrett idyll ikon ikorn illusjon ilsk image immun imperial import impuls indeks ' +
  'indisk individ industri infantil influens info infus inhabil initial inka inkasso ' +
  'innbrott inndata inndrag innfall innfart inngang innhol innland innlegg innmat innrykk ' +
  'innsats innsende innsikt innskott innsug innsyn inntak inntekt innvie insekt instinkt ' +
  'instruks insulin integral intens intensiv interim intern internat intervju intim invalid ' +
  'invasjon invester investor iris ironi irre irsk ishav ishockey iskrem isolat jage jakt ' +
  'jamme jamn jams japansk japp jarl jass jatt jazz jazze jekk jern jerv jesuitt jobb jobbe ' +
  'jogg jogge jomfru jonsok jord jordart jordbruk jorde jording jordvern journal judo juks ' +
  'jukse jule julebord jumbo junior junta jura jurist jury juss juster justis juvel kabaret ' +
  'kabb kabin kabinett kadett kadmium kafe kajakk kakao kake kaki kakk kaks kala kald kali ' +
  'kalium kalk kalke kalkun kall kalle kalori kalsium kalv kalve kalving kame kamel kamera ' +
  'kamerat kamfer kamp kams kanal kandidat kane kanel kanin kannibal kano kanon kanselli ' +
  'kant kante kapell kapital kapp kappe kaptein karakter karat karbol karbon kard karde ' +
  'kardinal kare karm karneval karri karsk kart karte kartell kartotek karv kase kasjmir ' +
  'kasko kass kassa kasser kassere kassett kast kaste kasus katalog kategori katt katte ' +
  'kaus kausjon kavaler kavaleri kave kavl keiv keramikk kibb kikk kikke kikkert kile kilo ' +
  'kinesisk kink kinn kinne kino kiosk kipp kise kist kitt kjak kjas kjed kjede kjeft kjegl ' +
  'kjegle kjeks kjel kjemi kjemikal kjemp kjempe kjendis kjenn kjenne kjenning kjepp kjer ' +
  'kjerne kjerr kjerring kjes kjetting kjevl klabb kladd kladde klaff klaffe klag klage ' +
  'klak klamme klan klang klapp klappe klar klare klas klask klass klasse klatre klatt ' +
  'klatte klav klave klaver kled klein klekk klen kleng klepp kless klient klikk klima klin ' +
  'kling klinikk klink klinke klip klipp klippe klisje kliss klistr kloakk klok klokk ' +
  'klokke klokker klon klor klore kloss klov klovn klovne klubb klubbe klukk klump klunk ' +
  'klyng klynge klynk klyp klyv knagg knak knakk knall knalle knapp knappe knark knas knegg ' +
  'kneip knekk knekke knel knep knepp knip knipe kniple knips knis knok knop knopp knot ' +
  'knus knuse knusl knute knytt kobolt kode koff koffert koka koke kokett kokk kokos koks ' +
  'kole kolera koll kolle kollekt kolli kolon koloni kolonial kolos komet komite komma ' +
  'kommando komme kommers kommunal komp kompas kompass kompe kompost kondens kondis ' +
  'konditor kondom kone konfekt konflikt konform kong kongress konkret konkurs konsens ' +
  'konsept konsern konsert konserv konsis konsul konsum kont kontakt kontant konto kontor ' +
  'kontrakt kontrast kontring kontroll konvoi kopi kopl kopling kopp koppar koppe koral ' +
  'korall kord kore korg kork korke korn korne korp korps korreks korridor kors korse kort ' +
  'korte kose kost koste kostnad kostyme krabb krabbe krafs kraftfor krag krage krak krakk ' +
  'kran krangl krangle krans kranse kras krasj krasl krat krav krave kravl kredit kreditor ' +
  'kreditt krek krem kremt kreng krenk krepp kreps krepse krets krige krik kriminal kring ' +
  'kris krit kritikk kritt krok kroke kromat kromosom kron krone kronikk kroning krot kruk ' +
  'krungl krungle krus kruse krymp kryp krypt krysning kryss krysse kryssord krystall kubb ' +
  'kubbe kube kubikk kule kuli kuling kull kuls kult kultur kunnskap kunst kunstfag kupe ' +
  'kupong kupp kuppe kure kurer kurl kurs kurse kursiv kurv kurve kutt kutte kuve kvad ' +
  'kvadrat kvakk kval kvalitet kvalm kvant kvar kvart kvartal kvarte kvarter kvarts kvas ' +
  'kvast kveg kvel kveld kvelv kvern kverv kves kvik kvil kvile kvin kvis kvise kvist kvit ' +
  'kvite kvitr kvitt kvitte kvotere kylling kyss kysse kyst kystvakt labb lade laft lage ' +
  'lagg lagr lagre lagring lagting lake lakk lakke lakker lakris laks lamell lamme land ' +
  'landbruk lande landeveg landgang landing landsby landsdel landskap landslag lang lange ' +
  'langrenn lapp lappe larm larv larve lase last laste lastebil late latin laug lauk laus ' +
  'lauv lava lave leasing ledd ledde lede lefse legal legat legd legevakt legg legge ' +
  'legitim leid leie leik leike leir leit leite leke lekk lekke leks lekse leksikon lekt ' +
  'lektor lemen lemp lempe lend leng lengd lenk lenke lens lense lepe lerk lese leser leske ' +
  'lesp less lete lett lette lettvekt leve leven levering liberal lide liga ligge lignin ' +
  'like likevekt likning liks likvid lime lind linde line link linn linne lise lisens list ' +
  'liste lite litograf litterat liturg live livmor livsstil livssyn livstid lobb lobby lodd ' +
  'lodde loff loft logg logo lojal lokal lokallag lokk lokke lopp loppe losse lott lotteri ' +
  'lotto love luft lufte luftfart luftvern lugar lugg luke lukk lukke luksus lukt lukte ' +
  'lump lumsk lund lunk lunn lunsj lure lurv luse lute lyde lykt lykte lyng lyrikk lysbilde ' +
  'lyse lysk lyske lyst lyste lyte lytte mafia magasin mage magi magnet mais major make ' +
  'makk makrell makro maksimal maksimum makt makte malaria malay male maleri maling malm ' +
  'malt malte mammut mandat mane mangl mani manifest manne mannfolk mannskap manntal manus ' +
  'maraton marg margin marginal marin mark marked marki marknad marm marmor marsipan marsj ' +
  'martyr marxist mask maske maskin maskulin mast maste match mate material matro matt ' +
  'matte maur maure medisin meie meieri mein meining meis mekle mekling meld melde melding ' +
  'melodi memo mengd menneske mens mental meny merg merk merke mers mess messe messing ' +
  'metall metan meteor metodist metro mett mette midd middag midl midle midnatt midt miks ' +
  'mikse mild milits mill milliard million mimre mine mineral mini miniatyr minibank ' +
  'minimal minimum miniputt mink minn minne minst minus misbruk misbruke mishandl misjon ' +
  'miskunn miss misse missil miste mistenke mistru mjuk mobb mobbe mobil modal modell ' +
  'modeller modning modul mokka mold molde mole molekyl moll molo moment moms monark mono ' +
  'monopol monument moped mora moral more morf morfin moro mors morse morsk mosaikk mose ' +
  'mosjon moske moskus mote motiv motor motstand mott mottak mudd mudder mugg muld mule ' +
  'mulkt mult munk munke munn mure murstein muse musikal musikk muskat muslim muting mygg ' +
  'mynt mynte myte nabo nabob naboby nagl nagle naiv nakk nakke napp nappe narko narr narre ' +
  'nasal nasjon nasjonal nask natrium natte nattverd natur naturfag naut navl navle nebb ' +
  'nebbe nedgang nedrykk nedslag negativ negl negle nekt nekting nemnd neon nest neste nett ' +
  'netting netto nettverk nikk nikke nikkel nikotin nipp niss nisse nist niste nitrogen ' +
  'nominal nordvest norm normal nors norsk norske nostalgi nota notat nudist null nybrott ' +
  'nybygg nylon nynorsk nype nyre nyse nyskap nyte nyting nytt nytte objekt objektiv obskur ' +
  'offiser oksid oksygen oliven olje oljepris oljevern olsok omfang omgang omskol omskole ' +
  'omsorg onne onsdag opal opera opinion opium oppdage oppdrag oppdrett oppe oppgang oppgav ' +
  'opphav opplag oppleve opportun opprykk oppslag oppstand oppsyn opptak oppvask oppvekst ' +
  'oppvigle opsjon orde orden ordre organ orge orient orienter original orkan orke orlog ' +
  'orme ornament osean oste overfall overgang overleve oversikt overtak overtal overtid ' +
  'ozon padl padle pakk pakke pakt pale pali paljett pall palm palme pamp panel pang ' +
  'panorama pant pante papir papp pappe parabol paradis parafin paragraf parasitt pare ' +
  'paring park parsell part parti partita pasient pasjon pasning pass passe passiv pastell ' +
  'pastor patent patron patt patte pave pedagog pedal peil peile peis peke pell pelle pels ' +
  'pelsdyr pendl pendle penn penne pens pense pensjon pensum pepp perl perle perm pers ' +
  'perse person personal pert piano pigg piggdekk pigment pike pile pilegrim pilk pilke ' +
  'pill pille pilot pils pine pinn pinne pins pinse pion pioner pipe pirat pirk piss pist ' +
  'pizza plag plage plakat plan plane planet plank planke plant plante plass plast plastr ' +
  'plate platt plei pleie plen plett plikt plog plott plotte plukk plump plural pluralis ' +
  'pluss pode poeng poet polar polaris pole polenta poler polio politi politikk poll pollen ' +
  'polo pols polsk pomp popp pors porselen porsjon port porto portrett pose posisjon ' +
  'positiv post poste postgiro pote potens potet pott potte prakk praksis prakt pral prat ' +
  'prate predikat preg prege premier premiere pren presis press presse prest prikk prim ' +
  'prima prins prinsipp prior pris prise prising prisme privat privileg problem produkt ' +
  'profet proff profil profitt proletar propan propell propp prosa prosent prosess prosjekt ' +
  'prospekt prost prosti protein protest prov prove proveny proviant provins provo prut ' +
  'pryd psykolog publikum pukk pukke puls pult pump pumpe punch punche pung punk punkt purk ' +
  'purpur purr purre pusle puss pusse pust puste putt pynt pynte quisling rabatt rabb rabbi ' +
  'race radar rade radikal radio raft ragg rake rakett rakk rakke rakl rakle rall rally ' +
  'ramme ramn ramp rampe rams rand rang range rangl rangle rank ranke ransak rapp rappe ' +
  'rapport raps rase raser rasjon rasjonal rask rasp rast raste rate ratt raud raus ' +
  'reaksjon reaktor real realfag realitet redning refleks reform refs refusjon regatta regi ' +
  'regime region regional regn regne regress rein reinsdyr reip reir reis reise reiseliv ' +
  'reiv reke rekk rekke rekne rekord rekrutt rektor rekyl relasjon relativ rele religion ' +
  'remis renn renne rens rent replikk repro resept resonans respekt ressurs rest resultat ' +
  'resurs retning retor rett rette rettferd retur revansj reve revers revisjon revisor revy ' +
  'ribb ribbe rifl rigg rigge riks riksdag riksveg rikt rime ring ringe rips rise risiko ' +
  'riss rist rival rive riving rivn rivning robot rock rocke rogn rokk rokokko roll rolle ' +
  'roman romani romfart romme rose rosen rotasjon rote rott rotte rovdyr ruff ruge ruin ' +
  'rull rulle rund runde rune rush rusk ruske russ russisk rust rusting rustning rute ' +
  'rutebil rydd rydde rygg rygge rykk rykke rykt rykte rynk sabb safari saft saga sagbruk ' +
  'sago sake sakn saks sakse salat saldo salmiakk salong salt salte saltfisk salto salv ' +
  'salve samba samband sambo sameting samfunn samisk samle samling samliv samsvar samtal ' +
  'samtale samtid samtykk samtykke samvett samvirke sand sanering sanitet sank sanksjon ' +
  'sans sanse sardin satan sats satsing saue saus sause scor scoring sediment segl segment ' +
  'seid seig seil seile sein seismikk sekk sekret seksjon sekskant sekst sekt sektor sekund ' +
  'sele selskap sement semin seminar senat send sende sene seng senior senke sennep sensor ' +
  'sensur sentr sentral seremoni serv serve sesjon sesong sete setning sett sette shak ' +
  'shipping shop shopping show sidetal sigar sigarett signal signatur signe sikl sikring ' +
  'sikt sikte sild sildr silikon silo simultan sine singl single sink sinn siren sirkus ' +
  'sitat sitron sitte sivil sjablon sjakk sjal sjalusi sjans sjanse sjarm sjau sjaue sjef ' +
  'sjekk sjekke sjel sjog sjokk sjokke sjuk sjukehus sjusk skabb skad skaft skak skal skala ' +
  'skald skalk skall skann skap skape skar skare skarn skarp skarv skarve skat skate skatt ' +
  'skatte skau skaut skav skavl skei skeiv skift skifte skikk skikke skilling skilt skinn ' +
  'skinne skip skir skit skitt skiv skive skje skjegg skjele skjelett skjell skjelm skjelv ' +
  'skjelve skjema skjemt skjemte skjen skjenk skjenke skjenn skjerm skjerp skjerpe skjev ' +
  'skjold skjor skjul skli skog skogbruk skogre skol skole skolere skolest skop skor skorp ' +
  'skott skov skovl skral skraml skrap skrape skravl skravle skred skrei skrekk skrepp ' +
  'skreppe skri skribent skrift skrifte skrik skrike skrin skritt skriv skrive skrot skru ' +
  'skrubb skrubbe skrue skruv skryt skryte skuff skuffe skulk skulke skulptur skum skumle ' +
  'skumme skump skur skurd skure skurk skut skute skval skvaldr skvalp skvett skygg skygge ' +
  'skyld skyss skyv skyve sladd sladde sladr sladre slag slage slagg slak slakt slamp slang ' +
  'slange slank slanke slarv slarve slav slegg sleik sleip sleiv slekt sleng slenge slep ' +
  'slepe slepp slesk slett slette slikk slikke slim slind slingr slingre slip slipe slipp ' +
  'slips slit slite slok slott sludd sluk slump slumpe slums slur slurv slurve slus sluse ' +
  'slusk slut slutt slutte slyng slynge smak smal smale smed smekk smell smelt smelte smert ' +
  'smerte smigr smil smile smink sminke smisk smitt smitte smug smugle smul smuss smyg ' +
  'smykk smykke snak snakk snakke snar snau snei snek snerp snev snik snill snitt snitte ' +
  'snobb snobbe snor snork snorke snupp snurp snurpe snurr snurre snus snylte snyt sofa ' +
  'sofist sogn sogne sokk sokke sokn sokne solbad soldat sole solist soll solo soml somle ' +
  'sonar sone soning sopp sopran sort sorter sosial sosietet sosionom soul sove sovjet soya ' +
  'spak spalt spalte span spaning spansk spar spare spark sparke spas spase spat sped ' +
  'spedbarn speed speide speil speke spekk spenn spenne spenning sperma sperr sperre ' +
  'spesial spesiale spett spik spike spil spill spille spink spinn spinne spion spir spiral ' +
  'spire spirit spis spise spiss spleis splint splitt splitte spol spole spon sponsor ' +
  'spontan spor spore sport spott sprang spray sprek sprekk sprell spreng sprett spri sprik ' +
  'spring sprint sprinte sprit sprut spurt spyd spyl spytt stab stabb stabbur stabil stad ' +
  'stadion stafett stag stak stakk stakke stall stamme stamp stampe stand standard stank ' +
  'stans stanse stapp star start starte stas stasjon stat statist status staur stav stave ' +
  'sted steg steik steike steil stein steine stel stell stelle stemn stemne stemning stempl ' +
  'steng stenge stensil stepp steppe stereo steril sterk stett stev stift stifte stig ' +
  'stigma stikk stikke stikkord stil stile stilk still stille stilling stim sting stipend ' +
  'stiv stive stoff stokk stokke stol stolp stolpe stopp stoppe storby storfe stork storm ' +
  'stormakt storme storr storting straff straffe strak strateg strategi streif streik ' +
  'streike strek strekk strekke streng strenge stress strev stri strid strikk strikke strip ' +
  'stripp strippe stropp struktur strup strupe strut stry stryk stryke stubb stubbe student ' +
  'studie studio stue stuer stump stund stunde stunt stup stur stuss stut stykk stylt styr ' +
  'styre styring styrk styrke styrt subb subbe subjekt sublim substans suge sugg sugge sukk ' +
  'sukke sukker suksess summe sump sund supe superb supere surr surre surstoff suvenir svai ' +
  'svak sval svale svan svane svang svar svarv svei sveis sveise sveit svelg svelt svensk ' +
  'sverd sverm sverme svev sveve svik svike svikt svim svime svin svindl svine sving svinge ' +
  'svip svir sviv svovel swing syde sykl sylt sylte symbol symfoni sympati synd synde syne ' +
  'synergi synkron synkroni synonym synt syre system tabb tabell tablett tabloid tabu ' +
  'tabula tagg takk takke takl taks takse takson takst takt tale talent talg talk tall ' +
  'talle tang tange tangent tank tanke tanks tann tant tape tapet tapetser tapp tappe ' +
  'tariff tarm tart tast taste taus tavl tavle taxi tegl teig tein tekk tekno teknolog ' +
  'tekst tekstil tele telefaks telefon telegraf teleks teleskop telle telt tema temp tempo ' +
  'tendens tenk tenke tennis tenor teolog teologi teori tepp teppe terapi term termin ' +
  'terminal terning terp terreng ters tert tertial teste tetning tett tette tidvatn tigge ' +
  'tile tillate tillegg tillit tilskott tilstand tilsyn tiltak tiltal tiltale time tind ' +
  'tinde ting tinge tinn tipp tippe tips tisse tital titan titt titte tjukk tjuv tjuve ' +
  'toalett tobakk tokt tolk tolke tolking toll tolle tomat toms tomt tone tonn topp toppe ' +
  'torg torn torp torpedo torsjon torsk torv total touch trad trafikk trakt traktat trakte ' +
  'traktor tral tramp tran transitt trapp trappe tras trase trass trasse trast trau trav ' +
  'trave trede treff treg trekant trekk trekke trekning trekt trelast trema tren trend ' +
  'trene trening tresk treske trett trette trev treve tribun trikk trikke trill trille ' +
  'trinn tripp trippe triumf trivial troll trolle tromme trompet tron tropp troppe tross ' +
  'trost truck trumf trus truskap trut trygd trygde trykk trykke trykkeri trykksak trylle ' +
  'tsar tufs tuft tukt tull tulle tuml tung tunge tungvekt tunnel turbo turist turne turnus ' +
  'turt tusen tusj tusl tuss tusse tvang tverr tvil tvill tvilling tvinn tvist tviste tyde ' +
  'tygg tygge tykk tykke tyll tyngd tynn tynne type tyrann tyri tyrk tysk tytt ubest ufred ' +
  'ugle ugras ugrei ulik ultralyd ulyst underarm underlag underliv undervis undr ungkar ' +
  'uniform union univers unntak uord uran urban urein uren uret urett urfolk urin uskikk ' +
  'uskyld utakk utal utbygg utbytt utbytte utdanne utdata utfart utferd utfolde utfor ' +
  'utgang utgift utheng utkant utkast utkik utkikk utklipp utlegg utlei utleie utmark ' +
  'utnytte utreise utrop utrydde utsikt utskrift utstyr uttak uttal uttale uttrekk uttrykk ' +
  'utukt utvandre utve utvide uvenn uvett vade vagabond vakt vakuum vale valfart valk valm ' +
  'valp vals valse valuta vamp vand vandal vande vandre vandring vane vanhell vann vant ' +
  'vard vare varetekt varg varm varme varmluft varmvatn varp varsl varsling vase vask vaske ' +
  'vassdrag vasse vasstand vatn vatt vedde vederlag vedlegg vedtak vedtekt vegetar vegg ' +
  'vegn vegplan veid veide veie veik veil veit veiv veke vekk vekke veksl veksle veksling ' +
  'vekst veksthus vekt vekte vekttal velde velferd velkomst vell vellyst velsigne velsk ' +
  'velstand velt velte vemod vend vende vene veng venn venne vennskap vent vente ventil ' +
  'verb verbal verd verden verdi verft verj verje verk verke vern verne verp verpe vers ' +
  'vert vertikal verv verve vesen vest vestkant vete veteran vett veve vide video vift ' +
  'vifte vigsl vikar vike viking vill villa ville villmark villrein vilt vind ving vingl ' +
  'vingle vink vinke vinn vinning vinst vinyl vipp vippe viril virk virke virus vise ' +
  'visitas visitt visjon visk viske viskos visning visp vispe viss visum vita vital vitamin ' +
  'vitn vitne vits vitse vitskap vogg vogge vogn vokal voks vokse vold voll volle volley ' +
  'volt volum vond vorte votering vrak vrang vrid vulkan watt weekend western xylograf ynde ' +
  'yndling yngl yngle yppe yrke yrkesfag yste ytre ytring zoom zulu';

/** Words in a suggested Norwegian passphrase: 6 × log2(4096) = 72 bits. */
export const NB_SUGGESTED_WORDS = 6;

/** The words, in alphabetical order. */
export const WORDS: readonly string[] = Object.freeze(PACKED.split(' '));
