"""Demo content for Tỉnh Quảng Trị (code 44): OCOP product groups, enterprises and products.

Pure Python and deterministic: no Django imports, no global random state. The data tables come
first; the small functions at the bottom turn them into ``ENTERPRISES`` and ``product_specs()``.
"""

import random
import unicodedata

# --------------------------------------------------------------------------------------------
# Product groups: the six OCOP sectors of Decision 148/QĐ-TTg and their product sets.
# Every colour keeps white text readable (contrast ratio of at least 4.5:1).
# --------------------------------------------------------------------------------------------

PRODUCT_GROUPS = [
    {
        "name": "Thực phẩm",
        "slug": "thuc-pham",
        "colour": "#A3471B",
        "sets": [
            {"name": "Rau, củ, quả tươi", "slug": "rau-cu-qua-tuoi", "colour": "#2E7D32"},
            {
                "name": "Thịt, thủy sản, trứng, sữa tươi",
                "slug": "thit-thuy-san-trung-sua-tuoi",
                "colour": "#B23A48",
            },
            {"name": "Gạo và ngũ cốc", "slug": "gao-ngu-coc", "colour": "#7C5E10"},
            {"name": "Mật ong và sản phẩm từ ong", "slug": "mat-ong", "colour": "#B45309"},
            {"name": "Thực phẩm chế biến từ ngũ cốc", "slug": "che-bien-tu-ngu-coc", "colour": "#9A3412"},
            {
                "name": "Thực phẩm chế biến từ rau, củ, quả",
                "slug": "che-bien-tu-rau-cu-qua",
                "colour": "#4D7C0F",
            },
            {
                "name": "Thực phẩm chế biến từ thịt, thủy sản, trứng, sữa, mật ong",
                "slug": "che-bien-tu-thit-thuy-san",
                "colour": "#1D4E89",
            },
            {"name": "Thực phẩm ăn nhanh", "slug": "thuc-pham-an-nhanh", "colour": "#C2410C"},
            {"name": "Nước mắm và gia vị dạng lỏng", "slug": "nuoc-mam-gia-vi-long", "colour": "#7A3B12"},
            {"name": "Gia vị khác", "slug": "gia-vi-khac", "colour": "#A61E4D"},
            {"name": "Chè và sản phẩm từ chè", "slug": "che", "colour": "#166534"},
            {"name": "Trà thảo mộc", "slug": "tra-thao-moc", "colour": "#0F766E"},
            {"name": "Cà phê, ca cao", "slug": "ca-phe-ca-cao", "colour": "#5D4037"},
        ],
    },
    {
        "name": "Đồ uống",
        "slug": "do-uong",
        "colour": "#5B3FA8",
        "sets": [
            {"name": "Rượu trắng", "slug": "ruou-trang", "colour": "#6D28D9"},
            {"name": "Đồ uống có cồn khác", "slug": "do-uong-co-con-khac", "colour": "#86198F"},
            {
                "name": "Nước khoáng, nước uống đóng chai",
                "slug": "nuoc-khoang-dong-chai",
                "colour": "#0369A1",
            },
            {"name": "Đồ uống không cồn khác", "slug": "do-uong-khong-con", "colour": "#4338CA"},
        ],
    },
    {
        "name": "Dược liệu và sản phẩm từ dược liệu",
        "slug": "duoc-lieu",
        "colour": "#2F6B3A",
        "sets": [
            {
                "name": "Thực phẩm chức năng, thuốc từ dược liệu",
                "slug": "thuc-pham-chuc-nang-thuoc-duoc-lieu",
                "colour": "#047857",
            },
            {"name": "Mỹ phẩm từ dược liệu", "slug": "my-pham-duoc-lieu", "colour": "#BE185D"},
            {"name": "Tinh dầu", "slug": "tinh-dau", "colour": "#3A5A40"},
        ],
    },
    {
        "name": "Thủ công mỹ nghệ",
        "slug": "thu-cong-my-nghe",
        "colour": "#8A5A2B",
        "sets": [
            {"name": "Đồ gia dụng, trang trí", "slug": "do-gia-dung-trang-tri", "colour": "#92400E"},
            {"name": "Dệt may", "slug": "det-may", "colour": "#9F1239"},
        ],
    },
    {
        "name": "Sinh vật cảnh",
        "slug": "sinh-vat-canh",
        "colour": "#3F6B20",
        "sets": [
            {"name": "Hoa", "slug": "hoa", "colour": "#A21CAF"},
            {"name": "Cây cảnh", "slug": "cay-canh", "colour": "#365314"},
            {"name": "Động vật cảnh", "slug": "dong-vat-canh", "colour": "#1E40AF"},
        ],
    },
    {
        "name": "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        "slug": "dich-vu-du-lich",
        "colour": "#1F5F8B",
        "sets": [
            {
                "name": "Dịch vụ du lịch cộng đồng, du lịch sinh thái",
                "slug": "du-lich-cong-dong-sinh-thai",
                "colour": "#0C4A6E",
            },
        ],
    },
]

SERVICE_SETS = frozenset({"du-lich-cong-dong-sinh-thai"})

# --------------------------------------------------------------------------------------------
# Base products. key -> (product-set slug, name, one-sentence description, variants).
# A variant is (grade, unit, price in đồng, shipping weight in grams). The title is
# "name brand grade (unit)"; a name may place "{brand}" and "{grade}" itself.
# --------------------------------------------------------------------------------------------

BASE_PRODUCTS = {
    # Nước mắm và gia vị dạng lỏng
    "nm_ca_com": (
        "nuoc-mam-gia-vi-long",
        "Nước mắm cá cơm",
        "Cá cơm than tươi được ướp muối hạt ngay trên bến và ủ chượp trong thùng gỗ từ 12 đến "
        "18 tháng, kéo rút hoàn toàn thủ công.",
        [
            ("40 độ đạm", "chai 500ml", 125000, 750),
            ("40 độ đạm", "chai 250ml", 70000, 420),
            ("35 độ đạm", "chai 500ml", 95000, 750),
            ("30 độ đạm", "can 2 lít", 210000, 2600),
            ("nhĩ cốt 45 độ đạm", "chai thủy tinh 200ml", 160000, 380),
            ("35 độ đạm", "hộp quà 2 chai 500ml", 260000, 1700),
        ],
    ),
    "nm_ca_nuc": (
        "nuoc-mam-gia-vi-long",
        "Nước mắm cá nục",
        "Nước mắm cá nục có màu cánh gián, vị đậm và hậu ngọt, hợp với các món kho và món chấm hằng ngày.",
        [
            ("30 độ đạm", "chai 500ml", 65000, 750),
            ("25 độ đạm", "can 5 lít", 320000, 6200),
            ("30 độ đạm", "can 2 lít", 180000, 2600),
        ],
    ),
    "nm_toi_ot": (
        "nuoc-mam-gia-vi-long",
        "Nước mắm tỏi ớt",
        "Nước mắm nhĩ pha sẵn với tỏi ta, ớt tươi và đường phèn, mở nắp là chấm được ngay.",
        [("pha sẵn", "chai 300ml", 55000, 480), ("pha sẵn", "hộp 3 chai 300ml", 150000, 1500)],
    ),
    "tuong_ot": (
        "nuoc-mam-gia-vi-long",
        "Tương ớt",
        "Tương ớt xay từ ớt chỉ thiên chín đỏ, tỏi và giấm gạo, không dùng phẩm màu.",
        [
            ("cay vừa", "chai 250ml", 35000, 380),
            ("cay nồng", "chai 500ml", 55000, 700),
            ("cay vừa", "can 1 lít", 95000, 1200),
        ],
    ),
    # Gia vị khác
    "tieu_den": (
        "gia-vi-khac",
        "Hồ tiêu đen",
        "Hạt tiêu được hái khi chùm có vài quả chín, phơi nắng tự nhiên và sàng tuyển kỹ nên chắc "
        "hạt, thơm nồng.",
        [
            ("loại 1", "túi 500g", 175000, 520),
            ("loại 1", "hũ 200g", 85000, 280),
            ("hạt to 550 g/l", "túi 1kg", 320000, 1040),
            ("loại 2", "túi 500g", 140000, 520),
        ],
    ),
    "tieu_do": (
        "gia-vi-khac",
        "Tiêu đỏ chín cây",
        "Chỉ những quả tiêu chín đỏ trên cây mới được hái riêng, cho vị cay dịu và mùi thơm ngọt.",
        [("tuyển chọn", "hũ 100g", 95000, 180), ("tuyển chọn", "túi 250g", 210000, 270)],
    ),
    "tieu_xay": (
        "gia-vi-khac",
        "Tiêu xay",
        "Tiêu hạt loại 1 rang nhẹ rồi xay mịn, không trộn vỏ trấu hay bột độn.",
        [("hạt mịn", "hũ 100g", 55000, 160), ("hạt vừa", "túi 250g", 110000, 270)],
    ),
    "tieu_so": (
        "gia-vi-khac",
        "Tiêu sọ trắng",
        "Tiêu chín được ngâm, bóc vỏ và phơi trắng, vị cay thanh, rất hợp với cháo và súp.",
        [("loại 1", "hũ 100g", 120000, 170), ("loại 1", "túi 250g", 270000, 270)],
    ),
    "muoi_ot": (
        "gia-vi-khac",
        "Muối ớt xanh",
        "Muối hạt rang giã cùng ớt xanh, lá chanh và một chút đường, chấm hải sản và trái cây đều ngon.",
        [("", "hũ 150g", 35000, 220), ("", "hũ 300g", 60000, 400)],
    ),
    "ot_bot": (
        "gia-vi-khac",
        "Ớt bột",
        "Ớt chín phơi khô dưới nắng rồi xay, giữ màu đỏ tươi và độ cay tự nhiên.",
        [("cay nhiều", "hũ 100g", 40000, 160), ("cay vừa", "túi 500g", 150000, 520)],
    ),
    "bot_nghe": (
        "gia-vi-khac",
        "Bột nghệ vàng",
        "Củ nghệ vàng trồng trên đất đồi được rửa sạch, thái lát, sấy khô rồi nghiền mịn.",
        [("nguyên chất", "hũ 200g", 60000, 260), ("nguyên chất", "túi 500g", 120000, 520)],
    ),
    # Mật ong và sản phẩm từ ong
    "mat_ong_rung": (
        "mat-ong",
        "Mật ong rừng",
        "Mật được lấy từ tổ ong khoái làm tổ tự nhiên trên dãy Trường Sơn, chỉ lọc qua vải "
        "mịn, không gia nhiệt.",
        [
            ("nguyên chất", "chai 500ml", 320000, 780),
            ("nguyên chất", "chai 1 lít", 580000, 1500),
            ("nguyên chất", "hũ 250ml", 170000, 420),
            ("nguyên chất", "hộp quà 2 chai 500ml", 650000, 1750),
        ],
    ),
    "mat_ong_tram": (
        "mat-ong",
        "Mật ong hoa tràm",
        "Đàn ong được nuôi trong rừng tràm ven biển, cho mật màu hổ phách và mùi thơm đặc trưng "
        "của hoa tràm.",
        [("nguyên chất", "chai 500ml", 210000, 780), ("nguyên chất", "hũ 300ml", 140000, 480)],
    ),
    "phan_hoa": (
        "mat-ong",
        "Phấn hoa ong",
        "Phấn hoa được ong thu về từ vườn cà phê và rừng keo, sấy lạnh để giữ dưỡng chất.",
        [("sấy lạnh", "hũ 200g", 150000, 280), ("sấy lạnh", "hũ 500g", 330000, 620)],
    ),
    "sua_ong_chua": (
        "mat-ong",
        "Sữa ong chúa tươi",
        "Sữa ong chúa được khai thác đúng kỳ và trữ đông ngay sau thu hoạch.",
        [("trữ đông", "lọ 100g", 280000, 200), ("trữ đông", "lọ 250g", 620000, 380)],
    ),
    # Chè, trà thảo mộc
    "che_xanh": (
        "che",
        "Chè xanh búp",
        "Búp chè một tôm hai lá được sao bằng chảo gang theo cách làm truyền thống, nước xanh, vị chát dịu.",
        [
            ("đặc biệt", "túi 200g", 120000, 240),
            ("loại 1", "túi 500g", 220000, 540),
            ("đặc biệt", "hộp quà 250g", 180000, 400),
        ],
    ),
    "tra_uop_sen": (
        "che",
        "Trà ướp hoa sen",
        "Chè búp được ướp qua nhiều đêm với gạo sen tươi hái từ đầm, hương sen thanh và bền.",
        [("", "hộp 100g", 350000, 220), ("", "hộp quà 200g", 650000, 420)],
    ),
    "che_vang": (
        "tra-thao-moc",
        "Chè vằng",
        "Lá và thân chè vằng sẻ hái trên đồi được rửa sạch, phơi âm can rồi sao vàng.",
        [
            ("sẻ khô", "túi 500g", 85000, 520),
            ("túi lọc", "hộp 25 gói", 55000, 120),
            ("sẻ khô", "túi 1kg", 160000, 1030),
        ],
    ),
    "cao_che_vang": (
        "tra-thao-moc",
        "Cao chè vằng",
        "Chè vằng được nấu cô đặc thành bánh cao, chỉ cần hòa với nước nóng là có ấm nước mát.",
        [("nguyên chất", "hộp 200g", 180000, 260), ("nguyên chất", "hộp 100g", 95000, 150)],
    ),
    "tra_ca_gai_leo": (
        "tra-thao-moc",
        "Trà cà gai leo",
        "Cà gai leo trồng theo hướng hữu cơ được thái nhỏ và sấy khô, dùng pha nước uống hằng ngày.",
        [("túi lọc", "hộp 30 gói", 65000, 150), ("khô thái nhỏ", "túi 500g", 110000, 520)],
    ),
    "tra_day_thia_canh": (
        "tra-thao-moc",
        "Trà dây thìa canh",
        "Dây thìa canh thu hái khi cây đủ tuổi, sao vàng hạ thổ theo cách của người làm thuốc nam.",
        [("túi lọc", "hộp 30 gói", 70000, 150), ("khô", "túi 500g", 120000, 520)],
    ),
    "tra_tim_sen": (
        "tra-thao-moc",
        "Trà tim sen",
        "Tim sen tách tay từ hạt sen tươi rồi sao khô, vị đắng nhẹ, dễ ngủ.",
        [("sao khô", "hộp 100g", 60000, 160), ("túi lọc", "hộp 20 gói", 45000, 110)],
    ),
    "tra_gung": (
        "tra-thao-moc",
        "Trà gừng",
        "Gừng trâu giã nhỏ sấy cùng đường phèn, pha nhanh một cốc ấm bụng ngày mưa.",
        [("hòa tan", "hộp 20 gói", 50000, 260), ("hòa tan", "hũ 300g", 75000, 380)],
    ),
    # Cà phê, ca cao
    "cf_arabica": (
        "ca-phe-ca-cao",
        "Cà phê Arabica",
        "Quả cà phê Arabica chín đỏ trồng ở độ cao trên 500 m được sơ chế ướt và rang mộc, hậu vị "
        "chua thanh.",
        [
            ("rang vừa", "túi 250g", 95000, 270),
            ("rang vừa", "túi 500g", 180000, 520),
            ("rang đậm", "túi 500g", 175000, 520),
            ("rang đậm", "túi 1kg", 330000, 1040),
        ],
    ),
    "cf_robusta": (
        "ca-phe-ca-cao",
        "Cà phê Robusta",
        "Robusta trồng xen hồ tiêu được rang đậm, đắng mạnh, rất hợp pha phin với sữa đặc.",
        [("pha phin", "túi 500g", 120000, 520), ("pha phin", "túi 1kg", 220000, 1040)],
    ),
    "cf_hat": (
        "ca-phe-ca-cao",
        "Cà phê hạt {grade} {brand} rang mộc",
        "Hạt cà phê được rang mộc không tẩm bơ hay hương liệu, phù hợp pha máy espresso.",
        [
            ("Arabica", "túi 500g", 200000, 520),
            ("Culi", "túi 500g", 190000, 520),
            ("phối trộn", "túi 1kg", 340000, 1040),
        ],
    ),
    "cf_phin_giay": (
        "ca-phe-ca-cao",
        "Cà phê phin giấy",
        "Mỗi gói là một phin giấy nhỏ gọn, chỉ cần rót nước sôi để có ly cà phê nguyên chất.",
        [("Arabica", "hộp 10 gói", 85000, 180), ("Robusta", "hộp 10 gói", 70000, 180)],
    ),
    "cf_hoa_tan": (
        "ca-phe-ca-cao",
        "Cà phê hòa tan 3 trong 1",
        "Cà phê hòa tan pha sẵn với đường và bột kem, vị đậm đà cho những buổi sáng vội.",
        [("", "hộp 20 gói", 65000, 400), ("ít đường", "hộp 20 gói", 65000, 400)],
    ),
    "ca_cao_bot": (
        "ca-phe-ca-cao",
        "Bột ca cao nguyên chất",
        "Hạt ca cao được lên men, rang và ép bớt bơ, cho bột màu nâu đỏ, vị đắng sâu.",
        [("", "hũ 250g", 110000, 320), ("", "túi 500g", 190000, 520)],
    ),
    # Gạo và ngũ cốc
    "gao_trang_hc": (
        "gao-ngu-coc",
        "Gạo trắng hữu cơ",
        "Lúa được canh tác theo tiêu chuẩn hữu cơ, không phun thuốc diệt cỏ, xay xát ngay trước "
        "khi đóng gói.",
        [("", "túi 2kg", 70000, 2050), ("", "túi 5kg", 165000, 5100), ("", "bao 10kg", 320000, 10200)],
    ),
    "gao_lut_hc": (
        "gao-ngu-coc",
        "Gạo {grade} hữu cơ {brand}",
        "Gạo lứt giữ nguyên lớp cám, giàu chất xơ, nấu bằng nồi cơm điện vẫn dẻo mềm.",
        [
            ("lứt", "túi 2kg", 80000, 2050),
            ("lứt đỏ", "túi 2kg", 90000, 2050),
            ("lứt đen", "túi 1kg", 65000, 1030),
        ],
    ),
    "gao_nep": (
        "gao-ngu-coc",
        "Gạo nếp cái hoa vàng",
        "Hạt nếp tròn, đều, thơm, chuyên dùng đồ xôi, gói bánh chưng và nấu rượu.",
        [("", "túi 2kg", 85000, 2050), ("", "túi 5kg", 200000, 5100)],
    ),
    "dau_xanh": (
        "gao-ngu-coc",
        "Đậu xanh hạt",
        "Đậu xanh giống địa phương trồng trên đất cát ven biển, hạt nhỏ, nấu chè rất bở.",
        [("nguyên hạt", "túi 500g", 45000, 520), ("cà vỏ", "túi 1kg", 80000, 1030)],
    ),
    "lac_nhan": (
        "gao-ngu-coc",
        "Lạc nhân",
        "Lạc trồng trên đất cát pha, hạt đỏ mẩy, rang hay ép dầu đều thơm.",
        [("loại 1", "túi 1kg", 90000, 1030), ("loại 1", "túi 500g", 48000, 520)],
    ),
    # Thực phẩm chế biến từ ngũ cốc
    "banh_gao_lut": (
        "che-bien-tu-ngu-coc",
        "Bánh gạo lứt",
        "Bánh gạo lứt nổ giòn rắc mè đen, ít đường, làm quà ăn vặt cho người ăn kiêng.",
        [("mè đen", "túi 200g", 45000, 230), ("chà bông", "túi 200g", 55000, 230)],
    ),
    "bot_ngu_coc": (
        "che-bien-tu-ngu-coc",
        "Bột ngũ cốc dinh dưỡng",
        "Gạo lứt, đậu xanh, đậu đỏ, mè và lạc được rang chín rồi nghiền mịn, pha bằng nước ấm.",
        [("không đường", "hũ 500g", 110000, 620), ("có đường", "hộp 20 gói", 95000, 560)],
    ),
    "banh_trang_me": (
        "che-bien-tu-ngu-coc",
        "Bánh tráng mè",
        "Bột gạo xay nước tráng mỏng trên bếp củi, rắc mè đen rồi phơi trên phên tre.",
        [("nướng sẵn", "túi 10 chiếc", 45000, 320), ("phơi khô", "túi 20 chiếc", 60000, 650)],
    ),
    "banh_da_vung": (
        "che-bien-tu-ngu-coc",
        "Bánh đa vừng",
        "Bánh đa dày, nướng lên phồng giòn, thơm mùi vừng và gừng.",
        [("", "túi 10 chiếc", 50000, 600), ("", "túi 5 chiếc", 28000, 310)],
    ),
    "bun_kho": (
        "che-bien-tu-ngu-coc",
        "Bún gạo khô",
        "Sợi bún làm từ gạo tẻ ngâm qua đêm, ép và phơi nắng, không dùng hàn the.",
        [("sợi nhỏ", "túi 500g", 35000, 520), ("sợi to", "túi 1kg", 60000, 1030)],
    ),
    "banh_canh_kho": (
        "che-bien-tu-ngu-coc",
        "Bánh canh bột gạo khô",
        "Sợi bánh canh dai mềm, nấu với cá lóc hoặc ghẹ là đúng vị miền Trung.",
        [("", "túi 500g", 38000, 520), ("", "túi 1kg", 70000, 1030)],
    ),
    "me_xung": (
        "che-bien-tu-ngu-coc",
        "Mè xửng",
        "Mạch nha, đường, lạc rang và mè được thắng theo công thức gia truyền, dẻo mà không dính răng.",
        [
            ("dẻo", "hộp 250g", 45000, 300),
            ("giòn", "hộp 250g", 45000, 300),
            ("dẻo", "hộp quà 500g", 90000, 620),
        ],
    ),
    "keo_lac": (
        "che-bien-tu-ngu-coc",
        "Kẹo lạc",
        "Lạc nhân rang chín bóc vỏ, thắng cùng mật mía và gừng, cắt miếng vuông vừa ăn.",
        [("vị gừng", "hộp 300g", 45000, 350), ("mật mía", "túi 500g", 65000, 530)],
    ),
    "keo_me_den": (
        "che-bien-tu-ngu-coc",
        "Kẹo mè đen",
        "Mè đen rang thơm cán mỏng cùng mạch nha, giòn tan và ít ngọt.",
        [("", "hộp 250g", 50000, 300), ("", "túi 500g", 90000, 530)],
    ),
    # Rau, củ, quả tươi
    "khoai_lang_tuoi": (
        "rau-cu-qua-tuoi",
        "Khoai lang",
        "Khoai trồng trên đất cát ven sông, củ đều, luộc hay nướng đều bở và ngọt.",
        [
            ("ruột tím", "thùng 5kg", 125000, 5200),
            ("ruột vàng", "thùng 5kg", 110000, 5200),
            ("mật", "thùng 3kg", 90000, 3150),
            ("ruột tím", "túi 2kg", 55000, 2080),
        ],
    ),
    "rau_huu_co": (
        "rau-cu-qua-tuoi",
        "Rau hữu cơ {brand} theo mùa",
        "Rổ rau gồm 5 đến 6 loại rau ăn lá và rau gia vị thu hoạch buổi sáng, giao trong ngày.",
        [("", "hộp 2kg", 90000, 2100), ("", "hộp 1kg", 50000, 1080)],
    ),
    "gung_tuoi": (
        "rau-cu-qua-tuoi",
        "Gừng trâu tươi",
        "Gừng trâu củ nhỏ, nhiều xơ, cay nồng, trồng xen dưới tán vườn tiêu.",
        [("", "túi 1kg", 45000, 1050), ("", "túi 3kg", 120000, 3100)],
    ),
    "ot_tuoi": (
        "rau-cu-qua-tuoi",
        "Ớt chỉ thiên tươi",
        "Ớt chỉ thiên chín đỏ hái theo đơn, đóng hộp thoáng khí để giữ tươi khi vận chuyển.",
        [("", "hộp 500g", 40000, 560), ("", "hộp 1kg", 75000, 1080)],
    ),
    "cu_sen": (
        "rau-cu-qua-tuoi",
        "Củ sen tươi",
        "Củ sen đào từ đầm sen, rửa sạch bùn và bọc màng thực phẩm, nấu canh hay hầm xương đều ngon.",
        [("", "túi 1kg", 70000, 1080), ("", "thùng 3kg", 195000, 3200)],
    ),
    "chuoi_tay": (
        "rau-cu-qua-tuoi",
        "Chuối tây",
        "Chuối tây trồng trên đất đỏ bazan, chín cây, thịt dẻo và thơm.",
        [("", "nải 2kg", 50000, 2100), ("", "thùng 6kg", 140000, 6300)],
    ),
    "chanh_day_tuoi": (
        "rau-cu-qua-tuoi",
        "Chanh dây tím",
        "Quả chanh dây vỏ tím, nhiều nước, hái khi chín và đóng thùng giấy có lỗ thoáng.",
        [("", "thùng 3kg", 90000, 3200)],
    ),
    # Thực phẩm chế biến từ rau, củ, quả
    "khoai_deo": (
        "che-bien-tu-rau-cu-qua",
        "Khoai deo",
        "Khoai lang được hấp chín, cắt thanh và phơi nhiều nắng cho đến khi dẻo quánh, ngọt tự "
        "nhiên không thêm đường.",
        [
            ("loại dẻo", "túi 500g", 95000, 520),
            ("đặc biệt", "hộp 1kg", 190000, 1080),
            ("cắt thanh", "túi 250g", 55000, 270),
            ("đặc biệt", "hộp quà 2kg", 370000, 2150),
        ],
    ),
    "khoai_say_gion": (
        "che-bien-tu-rau-cu-qua",
        "Khoai lang sấy giòn",
        "Khoai lang tím thái lát mỏng sấy chân không, giòn rụm mà không ngấm dầu.",
        [("vị tự nhiên", "túi 200g", 45000, 220), ("vị mật ong", "túi 200g", 50000, 220)],
    ),
    "khoai_say_deo": (
        "che-bien-tu-rau-cu-qua",
        "Khoai lang sấy dẻo",
        "Khoai mật sấy nhiệt độ thấp, giữ màu vàng óng và vị ngọt bùi.",
        [("", "túi 500g", 85000, 520), ("", "hũ 300g", 60000, 380)],
    ),
    "bot_san_day": (
        "che-bien-tu-rau-cu-qua",
        "Bột sắn dây",
        "Củ sắn dây được mài, lọc nhiều lần qua nước sạch rồi phơi khô thành bột trắng tinh.",
        [
            ("nguyên chất", "túi 500g", 95000, 520),
            ("nguyên chất", "hũ 1kg", 180000, 1100),
            ("vị hoa bưởi", "hũ 500g", 120000, 620),
        ],
    ),
    "mang_kho": (
        "che-bien-tu-rau-cu-qua",
        "{grade} khô {brand}",
        "Măng rừng được luộc, xé sợi và phơi trên gác bếp, nấu với thịt heo hay vịt đều ngon.",
        [("Măng lưỡi lợn", "túi 500g", 180000, 520), ("Măng sợi", "túi 500g", 150000, 520)],
    ),
    "moc_nhi": (
        "che-bien-tu-rau-cu-qua",
        "Mộc nhĩ rừng",
        "Mộc nhĩ mọc trên thân gỗ mục trong rừng, phơi khô, tai dày và giòn.",
        [("", "túi 200g", 70000, 220), ("", "túi 500g", 160000, 520)],
    ),
    "nam_huong": (
        "che-bien-tu-rau-cu-qua",
        "Nấm hương khô",
        "Nấm hương nuôi trồng trên mùn cưa dưới tán rừng, sấy khô giữ mùi thơm đậm.",
        [("", "túi 200g", 110000, 220), ("", "túi 500g", 260000, 520)],
    ),
    "hat_sen_say": (
        "che-bien-tu-rau-cu-qua",
        "Hạt sen",
        "Hạt sen già bóc vỏ lụa, bỏ tim rồi sấy, nấu chè hay hầm gà đều bở mềm.",
        [("sấy khô", "túi 500g", 160000, 520), ("sấy giòn", "hũ 200g", 85000, 260)],
    ),
    "bot_cu_sen": (
        "che-bien-tu-rau-cu-qua",
        "Bột củ sen",
        "Củ sen già được mài và lắng lọc, bột trắng mịn, pha với nước nóng thành món giải nhiệt.",
        [("nguyên chất", "hũ 500g", 150000, 620)],
    ),
    "chuoi_say": (
        "che-bien-tu-rau-cu-qua",
        "Chuối sấy dẻo",
        "Chuối tây chín cây sấy dẻo, không đường, không chất bảo quản.",
        [("", "túi 500g", 70000, 520), ("", "hũ 250g", 45000, 300)],
    ),
    # Thịt, thủy sản, trứng tươi
    "trung_ga_ri": (
        "thit-thuy-san-trung-sua-tuoi",
        "Trứng gà ri thả vườn",
        "Gà ri được thả dưới tán vườn keo, ăn thóc và rau xanh, trứng vỏ hồng, lòng đỏ sậm.",
        [("", "hộp 10 quả", 45000, 650), ("", "khay 30 quả", 125000, 1900)],
    ),
    "ga_ri": (
        "thit-thuy-san-trung-sua-tuoi",
        "Gà ri {brand} thả đồi làm sẵn",
        "Gà nuôi trên 5 tháng, làm sạch, đóng túi hút chân không và cấp đông nhanh.",
        [("", "con 1,2-1,5kg", 220000, 1600)],
    ),
    "heo_den": (
        "thit-thuy-san-trung-sua-tuoi",
        "Thịt heo đen",
        "Heo đen bản địa nuôi thả, thịt săn chắc, bì giòn, sơ chế và cấp đông ngay sau giết mổ.",
        [("ba chỉ", "khay 1kg", 230000, 1100), ("nạc vai", "khay 1kg", 210000, 1100)],
    ),
    "vit_bau": (
        "thit-thuy-san-trung-sua-tuoi",
        "Vịt bầu {brand} làm sẵn",
        "Vịt bầu chạy đồng, thịt chắc, ít mỡ, làm sạch và cấp đông nguyên con.",
        [("", "con 1,8-2kg", 190000, 2100)],
    ),
    "muc_tuoi": (
        "thit-thuy-san-trung-sua-tuoi",
        "Mực ống tươi",
        "Mực câu đêm được ướp đá ngay trên thuyền và cấp đông khi cập bến.",
        [("size 6-8 con/kg", "khay 1kg", 320000, 1150), ("size 10-12 con/kg", "khay 1kg", 260000, 1150)],
    ),
    "ca_thu_cat": (
        "thit-thuy-san-trung-sua-tuoi",
        "Cá thu cắt khoanh",
        "Cá thu đánh bắt xa bờ, cắt khoanh dày và cấp đông từng khay.",
        [("", "khay 1kg", 290000, 1150), ("", "khay 500g", 150000, 600)],
    ),
    "cua_bien": (
        "thit-thuy-san-trung-sua-tuoi",
        "Cua biển",
        "Cua đá ven đảo được đánh bắt thủ công, hấp chín và cấp đông nguyên con.",
        [("cua gạch hấp", "khay 1kg", 450000, 1200)],
    ),
    "rong_bien": (
        "thit-thuy-san-trung-sua-tuoi",
        "{grade} tươi {brand}",
        "Rong nho và rong câu nuôi trong vùng nước sạch quanh đảo, ngâm nước muối giữ độ giòn.",
        [("Rong nho", "hộp 500g", 95000, 620), ("Rong câu", "túi 1kg", 60000, 1080)],
    ),
    # Thực phẩm chế biến từ thịt, thủy sản, trứng, mật ong
    "muc_kho": (
        "che-bien-tu-thit-thuy-san",
        "Mực khô",
        "Mực ống câu được phơi hai nắng trên giàn tre ven biển, thịt ngọt và thơm khi nướng.",
        [
            ("size 20-25 con/kg", "túi 500g", 750000, 520),
            ("size 30-35 con/kg", "túi 500g", 620000, 520),
            ("size 40-50 con/kg", "túi 250g", 280000, 270),
        ],
    ),
    "muc_mot_nang": (
        "che-bien-tu-thit-thuy-san",
        "Mực một nắng",
        "Mực tươi làm sạch, phơi đúng một nắng rồi hút chân không và trữ đông.",
        [("loại lớn", "khay 1kg", 520000, 1100), ("loại vừa", "khay 500g", 240000, 560)],
    ),
    "ca_com_kho": (
        "che-bien-tu-thit-thuy-san",
        "Cá cơm khô",
        "Cá cơm than luộc sơ bằng nước muối rồi phơi khô, con nhỏ đều, rim mặn rất đưa cơm.",
        [("loại 1", "túi 500g", 140000, 520), ("loại 1", "túi 250g", 75000, 270)],
    ),
    "tom_kho": (
        "che-bien-tu-thit-thuy-san",
        "Tôm khô",
        "Tôm biển luộc chín, phơi và tách vỏ thủ công, màu đỏ cam tự nhiên không phẩm màu.",
        [("size lớn", "túi 500g", 520000, 520), ("size vừa", "túi 250g", 230000, 270)],
    ),
    "ca_thu_mot_nang": (
        "che-bien-tu-thit-thuy-san",
        "Cá thu một nắng",
        "Cá thu tươi cắt lát, ướp muối nhạt và phơi một nắng, chiên lên vàng giòn bên ngoài.",
        [("cắt lát", "khay 1kg", 380000, 1100), ("cắt lát", "khay 500g", 195000, 560)],
    ),
    "ca_chi_vang": (
        "che-bien-tu-thit-thuy-san",
        "Cá chỉ vàng khô",
        "Cá chỉ vàng xẻ bướm phơi khô, tẩm gia vị nhẹ, nướng than là món nhậu quen thuộc.",
        [("tẩm nhẹ", "túi 500g", 130000, 520), ("không tẩm", "túi 500g", 120000, 520)],
    ),
    "ca_nuc_kho": (
        "che-bien-tu-thit-thuy-san",
        "Cá nục khô",
        "Cá nục tươi xẻ đôi, phơi khô trên giàn lưới, chiên hoặc kho tiêu đều thơm.",
        [("", "túi 500g", 90000, 520), ("tẩm ớt", "túi 500g", 98000, 520)],
    ),
    "cha_muc": (
        "che-bien-tu-thit-thuy-san",
        "Chả mực giã tay",
        "Mực tươi được giã tay bằng cối đá cho dai giòn, chiên vàng rồi đóng khay cấp đông.",
        [("chiên sẵn", "khay 500g", 190000, 560), ("sống", "khay 1kg", 360000, 1100)],
    ),
    "cha_ca": (
        "che-bien-tu-thit-thuy-san",
        "Chả cá thu",
        "Thịt cá thu quết nhuyễn cùng tiêu và hành, chiên vàng hai mặt.",
        [("chiên sẵn", "khay 500g", 150000, 560), ("hấp", "khay 500g", 145000, 560)],
    ),
    "ruoc_tom": (
        "che-bien-tu-thit-thuy-san",
        "Ruốc tôm",
        "Tôm tươi luộc, xé sợi và sao khô trên chảo gang, tơi xốp và thơm.",
        [("", "hũ 200g", 150000, 280), ("", "hũ 100g", 80000, 160)],
    ),
    "muc_rim": (
        "che-bien-tu-thit-thuy-san",
        "Mực rim me",
        "Mực xé sợi rim với me chua, ớt và đường, vị chua ngọt cay, ăn vặt rất cuốn.",
        [("", "hũ 250g", 120000, 330)],
    ),
    "ca_com_rim": (
        "che-bien-tu-thit-thuy-san",
        "Cá cơm rim mặn ngọt",
        "Cá cơm khô chiên giòn rồi rim với nước mắm, đường, tỏi và ớt, để được lâu mà vẫn giòn.",
        [("", "hũ 250g", 85000, 330), ("cay", "hũ 500g", 155000, 620)],
    ),
    "mam_ruoc": (
        "che-bien-tu-thit-thuy-san",
        "Mắm ruốc",
        "Ruốc biển tươi ướp muối và phơi nắng nhiều tuần, màu tím hồng, thơm mùi biển.",
        [("", "hũ 500g", 70000, 650), ("xào sả ớt", "hũ 250g", 55000, 330)],
    ),
    "mam_tom_chua": (
        "che-bien-tu-thit-thuy-san",
        "Mắm tôm chua",
        "Tôm đất ủ cùng cơm nếp, riềng, tỏi và ớt cho đến khi chua dịu, ăn kèm thịt luộc.",
        [("", "hũ 500g", 110000, 650)],
    ),
    "cha_bong_heo": (
        "che-bien-tu-thit-thuy-san",
        "Chà bông heo",
        "Thịt nạc heo nuôi thả được rim và sao tơi trên bếp, không dùng chất tạo sợi.",
        [("", "hũ 200g", 95000, 280), ("cay", "hũ 200g", 98000, 280)],
    ),
    "mat_ong_gung": (
        "che-bien-tu-thit-thuy-san",
        "Mật ong ngâm gừng",
        "Gừng non thái lát ngâm trong mật ong rừng từ 3 tháng trở lên, dùng khi trời trở lạnh.",
        [("", "hũ 500ml", 220000, 780), ("", "hũ 250ml", 120000, 420)],
    ),
    # Thực phẩm ăn nhanh
    "chao_ca": (
        "thuc-pham-an-nhanh",
        "Cháo cá lóc ăn liền",
        "Cháo nấu từ gạo thơm và cá lóc đồng, đóng gói sấy khô, chỉ cần chế nước sôi 3 phút.",
        [("", "thùng 30 gói", 210000, 1800), ("", "túi 5 gói", 40000, 320)],
    ),
    "banh_canh_al": (
        "thuc-pham-an-nhanh",
        "Bánh canh ăn liền",
        "Sợi bánh canh gạo kèm gói nước dùng cá và hành phi, nấu nhanh trong 4 phút.",
        [("vị cá", "thùng 24 gói", 190000, 2400), ("vị cua", "thùng 24 gói", 200000, 2400)],
    ),
    "mi_gao_lut": (
        "thuc-pham-an-nhanh",
        "Mì gạo lứt ăn liền",
        "Sợi mì làm từ gạo lứt hữu cơ, không chiên qua dầu, kèm gói súp rau củ.",
        [("", "thùng 30 gói", 240000, 2200), ("", "túi 5 gói", 45000, 380)],
    ),
    "com_chay": (
        "thuc-pham-an-nhanh",
        "Cơm cháy chà bông",
        "Cơm cháy nồi gang chiên giòn, phủ chà bông và sốt mỡ hành.",
        [("", "hộp 200g", 60000, 260), ("cay", "hộp 200g", 62000, 260)],
    ),
    "chao_tom": (
        "thuc-pham-an-nhanh",
        "Cháo tôm ăn liền",
        "Cháo gạo thơm nấu cùng tôm biển và hành lá, sấy thăng hoa để giữ miếng tôm nguyên vẹn.",
        [("", "thùng 30 gói", 230000, 1800), ("", "túi 5 gói", 42000, 320)],
    ),
    "bun_bo_al": (
        "thuc-pham-an-nhanh",
        "Bún bò ăn liền",
        "Bún gạo sấy kèm gói sả ớt và nước dùng cô đặc nấu từ xương bò.",
        [("", "thùng 24 gói", 220000, 2500), ("", "túi 5 gói", 48000, 540)],
    ),
    # Đồ uống
    "ruou_kim_long": (
        "ruou-trang",
        "Rượu {brand}",
        "Rượu nấu từ gạo nếp với men lá gia truyền, chưng cất hai lần trên nồi đồng và hạ "
        "thổ trong chum sành.",
        [
            ("29 độ", "chai 500ml", 85000, 900),
            ("39 độ", "chai 500ml", 110000, 900),
            ("39 độ", "bình sành 2 lít", 420000, 3400),
            ("45 độ", "chai 750ml", 180000, 1300),
        ],
    ),
    "ruou_nep": (
        "ruou-trang",
        "Rượu nếp cái hoa vàng",
        "Rượu nếp chưng cất thủ công, được lọc bằng than hoạt tính để êm và thơm mùi nếp.",
        [("35 độ", "chai 500ml", 95000, 900), ("35 độ", "can 2 lít", 300000, 2300)],
    ),
    "ruou_ngo": (
        "ruou-trang",
        "Rượu ngô men lá",
        "Ngô nếp ủ với men lá rừng của đồng bào Chứt, nấu trên bếp củi và để lắng trong chum.",
        [("40 độ", "chai 500ml", 90000, 900), ("40 độ", "bình 2 lít", 280000, 2600)],
    ),
    "ruou_chuoi_hot": (
        "do-uong-co-con-khac",
        "Rượu chuối hột",
        "Chuối hột rừng thái lát phơi khô ngâm với rượu nếp, màu hổ phách, vị chát ngọt.",
        [("ngâm 1 năm", "chai 500ml", 150000, 900), ("ngâm 1 năm", "bình 2 lít", 480000, 3200)],
    ),
    "ruou_sim": (
        "do-uong-co-con-khac",
        "Rượu sim rừng",
        "Quả sim chín mọng trên đồi cát được lên men tự nhiên, rượu màu tím, vị ngọt dịu.",
        [("14 độ", "chai 500ml", 120000, 900), ("14 độ", "hộp quà 2 chai", 260000, 2000)],
    ),
    "ruou_ba_kich": (
        "do-uong-co-con-khac",
        "Rượu ba kích",
        "Rễ ba kích tím rút lõi ngâm cùng rượu nếp, màu tím đỏ đặc trưng.",
        [("ngâm 6 tháng", "chai 500ml", 170000, 900)],
    ),
    "nuoc_khoang": (
        "nuoc-khoang-dong-chai",
        "Nước khoáng thiên nhiên",
        "Nước khoáng được khai thác từ mạch nóng sâu, giàu silic và bicarbonat, đóng chai tại nguồn.",
        [
            ("không ga", "thùng 24 chai 500ml", 120000, 12800),
            ("không ga", "thùng 12 chai 1,5 lít", 130000, 18800),
            ("có ga", "thùng 24 chai 350ml", 150000, 9600),
        ],
    ),
    "nuoc_tinh_khiet": (
        "nuoc-khoang-dong-chai",
        "Nước uống tinh khiết",
        "Nước được lọc thẩm thấu ngược và tiệt trùng bằng tia cực tím trước khi đóng bình.",
        [("", "bình 19 lít", 45000, 20000), ("", "thùng 24 chai 350ml", 80000, 9000)],
    ),
    "nuoc_gung_mat_ong": (
        "do-uong-khong-con",
        "Nước gừng mật ong",
        "Nước gừng tươi nấu cùng mật ong, đóng chai thủy tinh và thanh trùng.",
        [("", "thùng 24 chai 250ml", 240000, 9000), ("", "lốc 6 chai 250ml", 65000, 2300)],
    ),
    "nuoc_chanh_day": (
        "do-uong-khong-con",
        "Nước cốt chanh dây",
        "Chanh dây chín được tách ruột và lọc lấy nước cốt, pha loãng với nước và đá là dùng.",
        [("cô đặc", "chai 500ml", 75000, 700), ("cô đặc", "chai 1 lít", 135000, 1300)],
    ),
    "nuoc_sen": (
        "do-uong-khong-con",
        "Trà sen đóng chai",
        "Nước hãm từ lá sen, tim sen và hạt sen, ít ngọt, uống lạnh rất dễ chịu.",
        [("ít đường", "lốc 6 chai 330ml", 60000, 2400)],
    ),
    # Dược liệu
    "cao_ca_gai_leo": (
        "thuc-pham-chuc-nang-thuoc-duoc-lieu",
        "Cao cà gai leo",
        "Cao đặc chiết xuất từ cây cà gai leo trồng theo chuẩn GACP, hỗ trợ giải độc gan.",
        [("cao đặc", "hũ 100g", 250000, 180), ("cao đặc", "hũ 50g", 140000, 110)],
    ),
    "vien_ca_gai_leo": (
        "thuc-pham-chuc-nang-thuoc-duoc-lieu",
        "Viên nang cà gai leo",
        "Mỗi viên nang chứa cao khô cà gai leo chuẩn hóa, tiện dùng cho người bận rộn.",
        [("", "hộp 60 viên", 190000, 120), ("", "hộp 120 viên", 350000, 220)],
    ),
    "cao_day_thia_canh": (
        "thuc-pham-chuc-nang-thuoc-duoc-lieu",
        "Cao dây thìa canh",
        "Dây thìa canh được chiết bằng nước nóng và cô đặc ở nhiệt độ thấp.",
        [("cao đặc", "hũ 100g", 260000, 180)],
    ),
    "ba_kich": (
        "thuc-pham-chuc-nang-thuoc-duoc-lieu",
        "Ba kích tím khô",
        "Củ ba kích tím trồng dưới tán rừng từ 3 năm, rút lõi và phơi khô.",
        [("rút lõi", "túi 500g", 420000, 520), ("rút lõi", "túi 250g", 220000, 270)],
    ),
    "sam_bo_chinh": (
        "thuc-pham-chuc-nang-thuoc-duoc-lieu",
        "Sâm Bố Chính khô",
        "Củ sâm Bố Chính thái lát sấy khô, dùng hầm gà hoặc hãm trà thanh nhiệt.",
        [("thái lát", "hộp 200g", 350000, 260), ("nguyên củ", "hộp 500g", 750000, 580)],
    ),
    "dang_sam": (
        "thuc-pham-chuc-nang-thuoc-duoc-lieu",
        "Đảng sâm khô",
        "Rễ đảng sâm trồng dưới tán rừng vùng cao được rửa sạch, hấp và sấy khô, dùng hầm gà hoặc "
        "ngâm mật ong.",
        [("loại 1", "túi 500g", 380000, 520), ("loại 1", "hộp 200g", 170000, 260)],
    ),
    "linh_chi": (
        "thuc-pham-chuc-nang-thuoc-duoc-lieu",
        "Nấm linh chi đỏ",
        "Nấm linh chi nuôi trồng trên gỗ keo trong nhà màng, thu hái khi tán nấm đã già.",
        [("thái lát", "túi 500g", 450000, 520), ("nguyên tai", "hộp 250g", 250000, 320)],
    ),
    "tinh_bot_nghe": (
        "thuc-pham-chuc-nang-thuoc-duoc-lieu",
        "Tinh bột nghệ",
        "Nghệ vàng được lọc bỏ tinh dầu và bã, còn lại tinh bột mịn, pha với mật ong hoặc sữa.",
        [("nguyên chất", "hũ 250g", 180000, 320), ("nguyên chất", "hũ 500g", 330000, 620)],
    ),
    "vien_nghe_mat_ong": (
        "thuc-pham-chuc-nang-thuoc-duoc-lieu",
        "Viên nghệ mật ong",
        "Tinh bột nghệ vo viên cùng mật ong rừng, phơi khô tự nhiên.",
        [("", "hũ 250g", 150000, 320)],
    ),
    "kem_nghe": (
        "my-pham-duoc-lieu",
        "Kem dưỡng da nghệ",
        "Kem dưỡng làm từ tinh chất nghệ, sáp ong và dầu dừa, dịu nhẹ với làn da nhạy cảm.",
        [("", "hũ 50g", 160000, 120)],
    ),
    "dau_goi_bo_ket": (
        "my-pham-duoc-lieu",
        "Dầu gội bồ kết",
        "Bồ kết nướng, hương nhu, vỏ bưởi và sả được nấu cô đặc thành dầu gội thảo dược.",
        [("", "chai 300ml", 95000, 380), ("", "chai 500ml", 140000, 600)],
    ),
    "son_sap_ong": (
        "my-pham-duoc-lieu",
        "Son dưỡng sáp ong",
        "Sáp ong nguyên chất, dầu dừa và vitamin E, giữ môi mềm trong mùa gió Lào.",
        [("không màu", "thỏi 5g", 65000, 40), ("màu đỏ gấc", "thỏi 5g", 75000, 40)],
    ),
    "muoi_tam": (
        "my-pham-duoc-lieu",
        "Muối tắm thảo dược",
        "Muối biển rang cùng gừng, sả và lá tràm, dùng ngâm chân hoặc tắm cho mẹ sau sinh.",
        [("", "túi 500g", 55000, 520), ("", "hũ 1kg", 95000, 1100)],
    ),
    "xa_phong_tram": (
        "my-pham-duoc-lieu",
        "Xà phòng tinh dầu tràm",
        "Xà phòng nấu lạnh từ dầu dừa và tinh dầu tràm, để khô tự nhiên 6 tuần.",
        [("", "bánh 100g", 45000, 120), ("", "hộp 3 bánh", 120000, 360)],
    ),
    "tinh_dau_tram": (
        "tinh-dau",
        "Tinh dầu tràm gió",
        "Lá tràm gió hái ở rừng tràm ven biển được chưng cất bằng hơi nước trong nồi đồng.",
        [
            ("nguyên chất", "chai 50ml", 75000, 120),
            ("nguyên chất", "chai 100ml", 130000, 200),
            ("nguyên chất", "chai 500ml", 550000, 750),
        ],
    ),
    "dau_tram_be": (
        "tinh-dau",
        "Dầu tràm cho bé",
        "Tinh dầu tràm pha loãng với dầu nền dịu nhẹ, giữ ấm cho trẻ nhỏ sau khi tắm.",
        [("", "chai 30ml", 65000, 90), ("", "chai 50ml", 95000, 120)],
    ),
    "tinh_dau_sa": (
        "tinh-dau",
        "Tinh dầu sả chanh",
        "Sả chanh trồng trên đất cát được chưng cất, dùng xông phòng và đuổi muỗi.",
        [("nguyên chất", "chai 50ml", 70000, 120), ("nguyên chất", "chai 100ml", 120000, 200)],
    ),
    "tinh_dau_que": (
        "tinh-dau",
        "Tinh dầu quế",
        "Vỏ và lá quế được chưng cất lấy tinh dầu màu vàng nâu, mùi ấm.",
        [("nguyên chất", "chai 50ml", 85000, 120)],
    ),
    # Thủ công mỹ nghệ
    "non_la": (
        "do-gia-dung-trang-tri",
        "Nón lá {grade} {brand}",
        "Nón được chằm bằng lá cọ non phơi sương, khung tre chuốt nhỏ và chỉ cước bền màu.",
        [
            ("truyền thống", "chiếc", 45000, 200),
            ("bài thơ", "chiếc", 70000, 200),
            ("vẽ tay", "chiếc", 120000, 220),
            ("mini trang trí", "bộ 3 chiếc", 90000, 180),
        ],
    ),
    "gio_may": (
        "do-gia-dung-trang-tri",
        "Giỏ mây đan",
        "Sợi mây rừng được chẻ, phơi và đan tay thành giỏ chắc chắn, có nắp đậy.",
        [("cỡ nhỏ", "chiếc", 120000, 400), ("cỡ lớn", "chiếc", 220000, 900), ("bộ 3 cỡ", "bộ", 380000, 1500)],
    ),
    "khay_may": (
        "do-gia-dung-trang-tri",
        "Khay mây",
        "Khay mây đan mắt cáo có tay cầm, dùng bày trà bánh hoặc trang trí.",
        [("tròn", "chiếc", 150000, 600), ("chữ nhật", "chiếc", 180000, 700)],
    ),
    "den_may": (
        "do-gia-dung-trang-tri",
        "Chao đèn mây tre",
        "Chao đèn đan từ nan tre và mây, ánh sáng hắt qua các mắt đan tạo bóng rất đẹp.",
        [("đường kính 30cm", "chiếc", 280000, 900), ("đường kính 45cm", "chiếc", 420000, 1400)],
    ),
    "ro_tre": (
        "do-gia-dung-trang-tri",
        "Rổ tre",
        "Rổ tre đan nong mốt, bền, thoáng, dùng rửa rau hoặc đựng trái cây.",
        [("bộ 3 cỡ", "bộ", 110000, 1200)],
    ),
    "choi_dot": (
        "do-gia-dung-trang-tri",
        "Chổi đót",
        "Bông đót phơi khô được bó chặt bằng dây mây, cán tre, quét nhà không rụng.",
        [("cán dài", "chiếc", 55000, 600), ("cán ngắn", "chiếc", 45000, 450)],
    ),
    "khan_tho_cam": (
        "det-may",
        "{grade} thổ cẩm {brand}",
        "Khăn dệt trên khung dệt tay của phụ nữ Vân Kiều, Pa Kô, hoa văn hình thoi và răng cưa.",
        [("Khăn choàng", "chiếc", 250000, 250), ("Khăn quàng cổ", "chiếc", 150000, 150)],
    ),
    "tui_tho_cam": (
        "det-may",
        "Túi {grade} thổ cẩm {brand}",
        "Túi may từ vải thổ cẩm dệt tay, lót vải bố và có khóa kéo.",
        [("đeo chéo", "chiếc", 180000, 300), ("tote", "chiếc", 220000, 350)],
    ),
    "vay_tho_cam": (
        "det-may",
        "Váy quấn thổ cẩm {brand}",
        "Váy quấn truyền thống dệt từ sợi bông nhuộm màu tự nhiên, mỗi chiếc mất hàng tuần để dệt.",
        [("", "chiếc", 850000, 700)],
    ),
    "khan_ban_tho_cam": (
        "det-may",
        "Khăn trải bàn thổ cẩm",
        "Khăn trải bàn ghép từ nhiều dải thổ cẩm, viền chỉ chắc chắn.",
        [("1,2 x 1,8m", "chiếc", 450000, 600)],
    ),
    "vi_tho_cam": (
        "det-may",
        "Ví {grade} thổ cẩm {brand}",
        "Ví nhỏ may từ phần vải thổ cẩm dệt tay, làm quà lưu niệm gọn nhẹ.",
        [("cầm tay", "chiếc", 90000, 100)],
    ),
    # Sinh vật cảnh
    "lan_ho_diep": (
        "hoa",
        "Lan hồ điệp",
        "Lan hồ điệp được chăm trong nhà lưới, cắm chậu sứ sẵn, giao tận nơi trong tỉnh.",
        [
            ("3 cành", "chậu sứ", 650000, 4500),
            ("5 cành", "chậu sứ", 950000, 6500),
            ("1 cành", "chậu nhựa", 220000, 1600),
        ],
    ),
    "lan_dendro": (
        "hoa",
        "Lan Dendro",
        "Lan Dendro thân cao, hoa bền từ 4 đến 6 tuần, hợp trang trí bàn làm việc.",
        [("2 cây", "chậu gốm", 280000, 2200)],
    ),
    "cuc_mam_xoi": (
        "hoa",
        "Cúc mâm xôi",
        "Cúc mâm xôi trồng chậu tròn, nở đều vào dịp Tết.",
        [("cỡ vừa", "chậu", 180000, 5000), ("cỡ lớn", "cặp chậu", 550000, 14000)],
    ),
    "mai_vang": (
        "cay-canh",
        "Mai vàng bonsai",
        "Mai vàng được uốn dáng bonsai nhiều năm, cắt tỉa để ra hoa đúng Tết.",
        [("dáng trực", "chậu", 850000, 8000), ("mini để bàn", "chậu", 350000, 2500)],
    ),
    "cay_sanh": (
        "cay-canh",
        "Cây sanh bonsai",
        "Sanh lá nhỏ dáng văn nhân, trồng chậu gốm Bát Tràng.",
        [("mini", "chậu", 450000, 3000)],
    ),
    "kim_ngan": (
        "cay-canh",
        "Cây kim ngân để bàn",
        "Cây kim ngân thắt bím trồng chậu sứ, dễ chăm, hợp văn phòng.",
        [("3 thân", "chậu", 150000, 1800)],
    ),
    "ca_koi": (
        "dong-vat-canh",
        "Cá Koi",
        "Cá Koi nuôi trong hồ lọc tuần hoàn, đóng túi oxy khi giao.",
        [("size 15-20cm", "đôi", 400000, 3000), ("size 25-30cm", "con", 600000, 3500)],
    ),
    # Dịch vụ du lịch cộng đồng
    "homestay_phong_nha": (
        "du-lich-cong-dong-sinh-thai",
        "Trải nghiệm homestay bên sông Son",
        "Nghỉ đêm trong nhà gỗ bên sông Son, ăn tối cùng gia đình chủ nhà và học làm bánh khoai.",
        [("", "người/đêm", 450000, 0)],
    ),
    "tour_hang": (
        "du-lich-cong-dong-sinh-thai",
        "Tour khám phá hang Tối và sông Chày một ngày",
        "Chèo thuyền kayak trên sông Chày, đu dây zipline và tắm bùn trong hang Tối cùng hướng "
        "dẫn viên người địa phương.",
        [("", "vé/người", 750000, 0)],
    ),
    "tour_xe_dap": (
        "du-lich-cong-dong-sinh-thai",
        "Tour đạp xe làng quê Phong Nha nửa ngày",
        "Đạp xe qua cánh đồng lúa và làng Bồng Lai, ghé vườn tiêu và thưởng thức trái cây theo mùa.",
        [("", "vé/người", 350000, 0)],
    ),
}

# --------------------------------------------------------------------------------------------
# Enterprises. "brand" goes into product titles, "listed" is how many products to list and
# "products" the base products they are drawn from. Rows 0 and 1 get the demo vendor accounts.
# --------------------------------------------------------------------------------------------

_ENTERPRISE_ROWS = [
    {
        "name": "Công ty TNHH Nước mắm Hưng Thịnh Cửa Tùng",
        "kind": "company",
        "commune": "Xã Cửa Tùng",
        "street_address": "Thôn Tùng Luật",
        "representative": "Lê Văn Hưng",
        "brand": "Hưng Thịnh",
        "status": "approved",
        "listed": 15,
        "products": ["nm_ca_com", "nm_ca_nuc", "nm_toi_ot", "ca_com_kho", "mam_ruoc"],
        "story": (
            "Ba thế hệ gia đình ông Lê Văn Hưng gắn bó với nghề làm nước mắm ở làng biển Cửa Tùng. Cá cơm"
            " than được ướp muối ngay trên bến, ủ chượp trong thùng gỗ bời lời và kéo rút hoàn toàn thủ "
            "công. Mỗi năm công ty bao tiêu cá cho hơn 40 thuyền câu trong vùng."
        ),
    },
    {
        "name": "HTX Nông nghiệp Mật ong và Chè vằng Trường Sơn",
        "kind": "cooperative",
        "commune": "Xã Trường Sơn",
        "street_address": "Thôn Xuân Sơn",
        "representative": "Hồ Thị Mai",
        "brand": "Trường Sơn",
        "status": "approved",
        "listed": 15,
        "products": [
            "mat_ong_rung",
            "mat_ong_tram",
            "phan_hoa",
            "sua_ong_chua",
            "che_vang",
            "cao_che_vang",
            "che_xanh",
            "mat_ong_gung",
        ],
        "story": (
            "Hợp tác xã có 46 thành viên nuôi ong dưới tán rừng Trường Sơn và trồng chè vằng trên đất "
            "đồi. Mật được lấy đúng mùa hoa, lọc lạnh và kiểm tra độ ẩm trước khi đóng chai. Chè vằng "
            "được phơi âm can để giữ màu xanh và vị đắng nhẹ."
        ),
    },
    {
        "name": "HTX Nông nghiệp Hồ tiêu Vĩnh Linh",
        "kind": "cooperative",
        "commune": "Xã Vĩnh Linh",
        "street_address": "Thôn Tân Hòa",
        "representative": "Nguyễn Văn Tám",
        "brand": "Vĩnh Linh",
        "status": "approved",
        "listed": 12,
        "products": ["tieu_den", "tieu_do", "tieu_xay", "tieu_so", "gung_tuoi"],
        "story": (
            "Hơn 60 hộ trồng tiêu trên đất đỏ bazan Vĩnh Linh góp vốn lập hợp tác xã để cùng làm một quy "
            "trình. Tiêu được hái khi chín, phơi trên sân gạch và sàng tuyển ba lần. Vườn tiêu của hợp "
            "tác xã được cấp mã số vùng trồng."
        ),
    },
    {
        "name": "Công ty TNHH Cà phê Khe Sanh Xanh",
        "kind": "company",
        "commune": "Xã Khe Sanh",
        "street_address": "Số 18 đường Lê Duẩn",
        "representative": "Trần Quốc Bảo",
        "brand": "Khe Sanh",
        "status": "approved",
        "listed": 15,
        "products": ["cf_arabica", "cf_robusta", "cf_hat", "cf_phin_giay", "cf_hoa_tan", "ca_cao_bot"],
        "story": (
            "Công ty liên kết với đồng bào Vân Kiều trồng cà phê Arabica trên cao nguyên Hướng Hóa. Chỉ "
            "quả chín đỏ được thu hái, sơ chế ướt và rang theo từng mẻ nhỏ tại xưởng ở Khe Sanh."
        ),
    },
    {
        "name": "Hộ kinh doanh Khoai deo Thanh Hương",
        "kind": "household",
        "commune": "Xã Gio Linh",
        "street_address": "Thôn Hà Thanh",
        "representative": "Nguyễn Thị Hương",
        "brand": "Thanh Hương",
        "status": "approved",
        "listed": 8,
        "products": ["khoai_deo", "khoai_say_gion", "khoai_say_deo"],
        "story": (
            "Bà Nguyễn Thị Hương làm khoai deo theo cách mẹ truyền lại: hấp, cắt thanh rồi phơi đủ năm "
            "nắng. Mùa khô, cả xóm cùng phơi khoai trên những tấm phên tre dài trước ngõ."
        ),
    },
    {
        "name": "HTX Sản xuất Tinh dầu tràm Mỹ Thủy",
        "kind": "cooperative",
        "commune": "Xã Mỹ Thủy",
        "street_address": "Thôn Thâm Khê",
        "representative": "Phan Văn Lợi",
        "brand": "Mỹ Thủy",
        "status": "approved",
        "listed": 12,
        "products": [
            "tinh_dau_tram",
            "dau_tram_be",
            "tinh_dau_sa",
            "tinh_dau_que",
            "xa_phong_tram",
            "muoi_tam",
        ],
        "story": (
            "Rừng tràm trên cát trắng ven biển là nguồn nguyên liệu của hợp tác xã. Lá tràm được chưng "
            "cất trong nồi đồng bằng hơi nước, mỗi mẻ hơn 300 kg lá chỉ cho chừng hai lít tinh dầu."
        ),
    },
    {
        "name": "HTX Nông nghiệp Hữu cơ Triệu Phong",
        "kind": "cooperative",
        "commune": "Xã Triệu Phong",
        "street_address": "Thôn An Lợi",
        "representative": "Lê Thị Thu Hà",
        "brand": "Triệu Phong",
        "status": "approved",
        "listed": 13,
        "products": ["gao_trang_hc", "gao_lut_hc", "gao_nep", "dau_xanh", "banh_gao_lut", "bot_ngu_coc"],
        "story": (
            "Hợp tác xã canh tác 120 ha lúa hữu cơ, thả vịt và cá trên ruộng để diệt sâu và cỏ. Gạo chỉ "
            "được xay xát khi có đơn hàng nên luôn giữ được mùi thơm."
        ),
    },
    {
        "name": "Công ty TNHH Rượu Kim Long",
        "kind": "company",
        "commune": "Xã Hải Lăng",
        "street_address": "Thôn Kim Long",
        "representative": "Hoàng Văn Long",
        "brand": "Kim Long",
        "status": "approved",
        "listed": 11,
        "products": ["ruou_kim_long", "ruou_nep", "ruou_chuoi_hot", "ruou_sim", "ruou_ba_kich"],
        "story": (
            "Làng Kim Long có nghề nấu rượu từ hàng trăm năm, nổi tiếng với men lá gia truyền. Công ty "
            "giữ cách chưng cất hai lần trên nồi đồng và hạ thổ rượu trong chum sành ít nhất sáu tháng."
        ),
    },
    {
        "name": "Hộ kinh doanh Nón lá Ba Đồn",
        "kind": "household",
        "commune": "Phường Ba Đồn",
        "street_address": "Tổ dân phố 3",
        "representative": "Trần Thị Thu",
        "brand": "Ba Đồn",
        "status": "approved",
        "listed": 4,
        "products": ["non_la"],
        "story": (
            "Gia đình bà Trần Thị Thu chằm nón bên bờ sông Gianh đã ba đời. Mỗi chiếc nón cần 16 vành tre"
            " và hơn 20 lá cọ non phơi sương."
        ),
    },
    {
        "name": "HTX Dược liệu Hướng Hóa",
        "kind": "cooperative",
        "commune": "Xã Hướng Phùng",
        "street_address": "Thôn Cheng",
        "representative": "Hồ Văn Dũng",
        "brand": "Hướng Hóa",
        "status": "approved",
        "listed": 12,
        "products": [
            "cao_ca_gai_leo",
            "vien_ca_gai_leo",
            "tra_ca_gai_leo",
            "tra_day_thia_canh",
            "ba_kich",
            "dang_sam",
        ],
        "story": (
            "Hợp tác xã cùng hơn 80 hộ đồng bào Vân Kiều trồng cà gai leo, dây thìa canh và ba kích dưới "
            "tán rừng. Dược liệu được sơ chế tại xưởng của hợp tác xã rồi gửi đi chiết xuất theo tiêu "
            "chuẩn."
        ),
    },
    {
        "name": "Công ty TNHH Hải sản khô Nhật Lệ",
        "kind": "company",
        "commune": "Phường Đồng Hới",
        "street_address": "Số 45 đường Trương Pháp",
        "representative": "Đặng Quang Minh",
        "brand": "Nhật Lệ",
        "status": "approved",
        "listed": 15,
        "products": [
            "muc_kho",
            "muc_mot_nang",
            "tom_kho",
            "ca_thu_mot_nang",
            "ca_chi_vang",
            "ca_nuc_kho",
            "ca_com_kho",
            "muc_rim",
        ],
        "story": (
            "Từ một sạp nhỏ ở chợ Đồng Hới, công ty nay thu mua hải sản trực tiếp từ tàu cá cập cảng Nhật"
            " Lệ. Xưởng phơi sấy có nhà lưới kín và kho lạnh, mọi lô hàng đều ghi ngày đánh bắt."
        ),
    },
    {
        "name": "HTX Nông nghiệp Khoai lang Quảng Trạch",
        "kind": "cooperative",
        "commune": "Xã Quảng Trạch",
        "street_address": "Thôn Vân Tiền",
        "representative": "Võ Văn Sơn",
        "brand": "Quảng Trạch",
        "status": "approved",
        "listed": 8,
        "products": ["khoai_lang_tuoi", "khoai_say_gion", "khoai_say_deo"],
        "story": (
            "Đất cát pha ven sông Gianh cho củ khoai lang bở và ngọt. Hợp tác xã tổ chức cho thành viên "
            "trồng theo lịch thời vụ chung và bao tiêu toàn bộ sản lượng."
        ),
    },
    {
        "name": "Hộ kinh doanh Bột sắn dây Hoa Lệ",
        "kind": "household",
        "commune": "Xã Lệ Thủy",
        "street_address": "Thôn Phú Thọ",
        "representative": "Lê Thị Hoa",
        "brand": "Hoa Lệ",
        "status": "approved",
        "listed": 7,
        "products": ["bot_san_day", "bot_nghe", "tinh_bot_nghe"],
        "story": (
            "Mỗi mùa đông, gia đình bà Lê Thị Hoa đào sắn dây trên nương, mài và lọc bột bằng nước giếng "
            "khơi. Bột được lắng lọc bảy lần trước khi phơi trên nong tre."
        ),
    },
    {
        "name": "Hộ kinh doanh Mè xửng Hồng Phát",
        "kind": "household",
        "commune": "Phường Đông Hà",
        "street_address": "Số 102 đường Hùng Vương",
        "representative": "Nguyễn Văn Phát",
        "brand": "Hồng Phát",
        "status": "approved",
        "listed": 7,
        "products": ["me_xung", "keo_lac", "keo_me_den"],
        "story": (
            "Lò kẹo nhỏ của gia đình ông Nguyễn Văn Phát đỏ lửa từ năm 1992. Kẹo được thắng bằng mạch nha"
            " tự nấu từ mầm lúa, cắt bằng tay và gói trong giấy bóng kính."
        ),
    },
    {
        "name": "Tổ hợp tác Dệt thổ cẩm Tà Rụt",
        "kind": "cooperative_group",
        "commune": "Xã Tà Rụt",
        "street_address": "Thôn A Vao",
        "representative": "Hồ Thị Xuân",
        "brand": "Tà Rụt",
        "status": "approved",
        "listed": 7,
        "products": ["khan_tho_cam", "tui_tho_cam", "vay_tho_cam", "khan_ban_tho_cam", "vi_tho_cam"],
        "story": (
            "Mười hai phụ nữ Pa Kô và Vân Kiều lập tổ hợp tác để giữ nghề dệt của mẹ ông bà. Sợi bông "
            "được nhuộm bằng vỏ cây và củ rừng, mỗi tấm vải là một bộ hoa văn riêng."
        ),
    },
    {
        "name": "Hộ kinh doanh Mây tre đan Tuyên Sơn",
        "kind": "household",
        "commune": "Xã Tuyên Sơn",
        "street_address": "Thôn Cao Cảnh",
        "representative": "Đinh Văn Cường",
        "brand": "Tuyên Sơn",
        "status": "approved",
        "listed": 9,
        "products": ["gio_may", "khay_may", "den_may", "ro_tre", "choi_dot"],
        "story": (
            "Ông Đinh Văn Cường thu mua mây và tre từ bà con vùng núi rồi cùng các thợ trong làng đan "
            "thành đồ dùng hằng ngày. Mỗi sản phẩm đều được hun khói chống mốc trước khi xuất xưởng."
        ),
    },
    {
        "name": "HTX Du lịch Cộng đồng Phong Nha",
        "kind": "cooperative",
        "commune": "Xã Phong Nha",
        "street_address": "Thôn Cù Lạc 2",
        "representative": "Trương Văn Thắng",
        "brand": "Phong Nha",
        "status": "approved",
        "listed": 3,
        "products": ["homestay_phong_nha", "tour_hang", "tour_xe_dap"],
        "story": (
            "Hợp tác xã liên kết 15 gia đình làm homestay và dẫn tour bên sông Son. Du khách được ở nhà "
            "dân, ăn cơm quê và đi cùng hướng dẫn viên là người sinh ra ở Phong Nha."
        ),
    },
    {
        "name": "Hộ kinh doanh Chả mực Hải Lan",
        "kind": "household",
        "commune": "Phường Đồng Thuận",
        "street_address": "Tổ dân phố 7",
        "representative": "Phạm Thị Lan",
        "brand": "Hải Lan",
        "status": "approved",
        "listed": 9,
        "products": ["cha_muc", "cha_ca", "ruoc_tom", "muc_rim", "ca_com_rim"],
        "story": (
            "Bà Phạm Thị Lan mua mực tươi mỗi sáng ở cảng cá và giã tay bằng cối đá như cách người làng "
            "chài vẫn làm. Sản phẩm được cấp đông ngay trong ngày."
        ),
    },
    {
        "name": "HTX Nước mắm truyền thống Cửa Việt",
        "kind": "cooperative",
        "commune": "Xã Cửa Việt",
        "street_address": "Thôn Tân Lợi",
        "representative": "Ngô Văn Hải",
        "brand": "Cửa Việt",
        "status": "approved",
        "listed": 10,
        "products": ["nm_ca_com", "nm_ca_nuc", "mam_tom_chua", "mam_ruoc"],
        "story": (
            "Hợp tác xã gom các lò nước mắm nhỏ của làng biển Cửa Việt về một quy trình chung. Các thùng "
            "chượp được đánh số và ghi ngày ủ để khách hàng truy xuất từng mẻ."
        ),
    },
    {
        "name": "Công ty Cổ phần Nước khoáng Suối Bang",
        "kind": "company",
        "commune": "Xã Kim Ngân",
        "street_address": "Bản Bang",
        "representative": "Lê Minh Tuấn",
        "brand": "Suối Bang",
        "status": "approved",
        "listed": 7,
        "products": ["nuoc_khoang", "nuoc_tinh_khiet", "nuoc_gung_mat_ong"],
        "story": (
            "Nhà máy được đặt ngay bên nguồn nước khoáng nóng Bang, nơi mạch nước phun lên ở gần 105 độ "
            "C. Nước được làm nguội tự nhiên, lọc và đóng chai trong dây chuyền khép kín."
        ),
    },
    {
        "name": "Hộ kinh doanh Nông sản sạch Cùa",
        "kind": "household",
        "commune": "Xã Cam Lộ",
        "street_address": "Thôn Mộc Đức",
        "representative": "Trần Văn Quý",
        "brand": "Cùa",
        "status": "approved",
        "listed": 9,
        "products": ["tieu_den", "tieu_xay", "ot_tuoi", "gung_tuoi", "rau_huu_co"],
        "story": (
            "Gia đình ông Trần Văn Quý canh tác hai héc-ta tiêu và rau trên vùng đất đỏ Cùa. Vườn không "
            "dùng thuốc diệt cỏ, phân bón chủ yếu là phân chuồng ủ hoai."
        ),
    },
    {
        "name": "HTX Chăn nuôi Gà đồi Vĩnh Thủy",
        "kind": "cooperative",
        "commune": "Xã Vĩnh Thủy",
        "street_address": "Thôn Bình Phúc",
        "representative": "Hoàng Đức Thịnh",
        "brand": "Vĩnh Thủy",
        "status": "approved",
        "listed": 8,
        "products": ["trung_ga_ri", "ga_ri", "heo_den", "vit_bau", "cha_bong_heo"],
        "story": (
            "Các thành viên hợp tác xã nuôi gà ri, heo đen và vịt thả trên đồi keo theo quy trình "
            "VietGAP. Vật nuôi được giết mổ tại cơ sở đạt chuẩn và cấp đông ngay."
        ),
    },
    {
        "name": "Hộ kinh doanh Bánh tráng Tân Mỹ",
        "kind": "household",
        "commune": "Xã Tân Mỹ",
        "street_address": "Thôn Tân Mỹ",
        "representative": "Võ Thị Hồng",
        "brand": "Tân Mỹ",
        "status": "approved",
        "listed": 8,
        "products": ["banh_trang_me", "banh_da_vung", "bun_kho", "banh_canh_kho"],
        "story": (
            "Cả xóm Tân Mỹ thức dậy từ ba giờ sáng để tráng bánh trên bếp củi. Bà Võ Thị Hồng giữ nguyên "
            "cách làm cũ: gạo ngâm qua đêm, xay bằng cối đá và phơi trên phên tre."
        ),
    },
    {
        "name": "Hộ kinh doanh Tương ớt Nam Gianh",
        "kind": "household",
        "commune": "Xã Nam Gianh",
        "street_address": "Thôn Thanh Khê",
        "representative": "Phan Thị Nga",
        "brand": "Nam Gianh",
        "status": "approved",
        "listed": 8,
        "products": ["tuong_ot", "muoi_ot", "ot_bot", "ot_tuoi"],
        "story": (
            "Bà Phan Thị Nga làm tương ớt từ vườn ớt nhà mình bên sông Gianh. Ớt được hái chín đỏ, rửa "
            "sạch và xay cùng tỏi trong ngày để giữ màu tươi."
        ),
    },
    {
        "name": "Công ty TNHH Thực phẩm Đông Hà Xanh",
        "kind": "company",
        "commune": "Phường Nam Đông Hà",
        "street_address": "Lô C4 Khu công nghiệp Nam Đông Hà",
        "representative": "Nguyễn Hoàng Nam",
        "brand": "Đông Hà Xanh",
        "status": "approved",
        "listed": 12,
        "products": ["chao_ca", "chao_tom", "banh_canh_al", "mi_gao_lut", "com_chay", "bun_bo_al"],
        "story": (
            "Công ty dùng gạo hữu cơ và cá đồng của các hợp tác xã trong tỉnh để làm món ăn nhanh. Dây "
            "chuyền sấy và đóng gói đạt chuẩn HACCP, không dùng chất bảo quản."
        ),
    },
    {
        "name": "Hộ kinh doanh Vườn lan Đồng Sơn",
        "kind": "household",
        "commune": "Phường Đồng Sơn",
        "street_address": "Tổ dân phố 10",
        "representative": "Lê Quang Vinh",
        "brand": "Đồng Sơn",
        "status": "approved",
        "listed": 9,
        "products": [
            "lan_ho_diep",
            "lan_dendro",
            "cuc_mam_xoi",
            "mai_vang",
            "cay_sanh",
            "kim_ngan",
            "ca_koi",
        ],
        "story": (
            "Khởi đầu từ thú chơi lan, ông Lê Quang Vinh nay có nhà lưới rộng hai nghìn mét vuông. Vườn "
            "cung cấp hoa chậu, cây cảnh và cá Koi cho các gia đình và văn phòng trong tỉnh."
        ),
    },
    {
        "name": "HTX Nông nghiệp Sen Ngư",
        "kind": "cooperative",
        "commune": "Xã Sen Ngư",
        "street_address": "Thôn Xuân Bồ",
        "representative": "Nguyễn Thị Sen",
        "brand": "Sen Ngư",
        "status": "approved",
        "listed": 10,
        "products": ["hat_sen_say", "bot_cu_sen", "cu_sen", "tra_tim_sen", "tra_uop_sen", "nuoc_sen"],
        "story": (
            "Hợp tác xã trồng sen trên những đầm ruộng trũng từng bỏ hoang. Từ hạt, củ, tim đến gạo sen "
            "đều được chế biến thành sản phẩm, không bỏ phí phần nào của cây sen."
        ),
    },
    {
        "name": "Hộ kinh doanh Đặc sản núi rừng Minh Hóa",
        "kind": "household",
        "commune": "Xã Minh Hóa",
        "street_address": "Bản Yên Hợp",
        "representative": "Đinh Thị Yến",
        "brand": "Minh Hóa",
        "status": "approved",
        "listed": 10,
        "products": ["mang_kho", "moc_nhi", "nam_huong", "che_xanh", "sam_bo_chinh"],
        "story": (
            "Bà Đinh Thị Yến thu mua măng, mộc nhĩ và sâm từ đồng bào vùng cao Minh Hóa. Hàng được phơi "
            "trên gác bếp, phân loại kỹ và đóng gói có ghi tên người thu hái."
        ),
    },
    {
        "name": "HTX Dịch vụ Nghề cá Cồn Cỏ",
        "kind": "cooperative",
        "commune": "Đặc khu Cồn Cỏ",
        "street_address": "Khu dân cư số 1",
        "representative": "Võ Văn Biển",
        "brand": "Cồn Cỏ",
        "status": "approved",
        "listed": 8,
        "products": ["muc_tuoi", "ca_thu_cat", "cua_bien", "rong_bien", "muc_mot_nang"],
        "story": (
            "Ngư dân trên đảo Cồn Cỏ lập hợp tác xã để có kho lạnh và tàu dịch vụ chung. Hải sản được cấp"
            " đông ngay tại đảo rồi đưa vào đất liền theo chuyến tàu định kỳ."
        ),
    },
    {
        "name": "Công ty TNHH Dược liệu Thiên Phúc",
        "kind": "company",
        "commune": "Phường Quảng Trị",
        "street_address": "Số 27 đường Trần Hưng Đạo",
        "representative": "Trần Thị Phúc",
        "brand": "Thiên Phúc",
        "status": "approved",
        "listed": 11,
        "products": [
            "tinh_bot_nghe",
            "vien_nghe_mat_ong",
            "cao_day_thia_canh",
            "linh_chi",
            "kem_nghe",
            "dau_goi_bo_ket",
            "son_sap_ong",
        ],
        "story": (
            "Công ty chế biến dược liệu trồng ở các xã miền núi thành thực phẩm bảo vệ sức khỏe và mỹ "
            "phẩm thảo dược. Nhà xưởng đạt chuẩn GMP và có phòng kiểm nghiệm riêng."
        ),
    },
    # Not yet approved: only a handful of products, or none.
    {
        "name": "Hộ kinh doanh Rượu ngô Dân Hóa",
        "kind": "household",
        "commune": "Xã Dân Hóa",
        "street_address": "Bản Ón",
        "representative": "Cao Văn Hùng",
        "brand": "Dân Hóa",
        "status": "submitted",
        "listed": 2,
        "products": ["ruou_ngo"],
        "story": (
            "Ông Cao Văn Hùng nấu rượu ngô bằng men lá rừng theo cách của người Chứt. Hồ sơ đang chờ Sở "
            "kiểm tra giấy chứng nhận an toàn thực phẩm."
        ),
    },
    {
        "name": "Tổ hợp tác Nấm linh chi Hiếu Giang",
        "kind": "cooperative_group",
        "commune": "Xã Hiếu Giang",
        "street_address": "Thôn Phổ Lại",
        "representative": "Lê Văn Nghĩa",
        "brand": "Hiếu Giang",
        "status": "submitted",
        "listed": 2,
        "products": ["linh_chi"],
        "story": (
            "Năm hộ thanh niên cùng nhau dựng nhà màng trồng nấm linh chi trên gỗ keo. Tổ hợp tác vừa gửi"
            " hồ sơ đăng ký bán hàng."
        ),
    },
    {
        "name": "Hộ kinh doanh Cá thu một nắng Ninh Châu",
        "kind": "household",
        "commune": "Xã Ninh Châu",
        "street_address": "Thôn Hải Ninh",
        "representative": "Hoàng Thị Bích",
        "brand": "Ninh Châu",
        "status": "submitted",
        "listed": 2,
        "products": ["ca_thu_mot_nang"],
        "story": (
            "Bà Hoàng Thị Bích làm cá thu một nắng từ cá tươi của chồng đánh bắt. Cơ sở đang hoàn thiện "
            "hồ sơ đăng ký bán hàng trên sàn."
        ),
    },
    {
        "name": "Hộ kinh doanh Trà gừng Lao Bảo",
        "kind": "household",
        "commune": "Xã Lao Bảo",
        "street_address": "Khóm Duy Tân",
        "representative": "Nguyễn Văn Khánh",
        "brand": "Lao Bảo",
        "status": "rejected",
        "listed": 0,
        "products": [],
        "story": (
            "Cơ sở nhỏ làm trà gừng hòa tan bán cho khách qua cửa khẩu Lao Bảo. Hồ sơ chưa có giấy xác "
            "nhận kiến thức an toàn thực phẩm."
        ),
    },
    {
        "name": "Công ty TNHH Thương mại Đặc sản Miền Trung",
        "kind": "company",
        "commune": "Phường Đông Hà",
        "street_address": "Số 8 đường Lê Lợi",
        "representative": "Phạm Văn Đức",
        "brand": "Miền Trung",
        "status": "rejected",
        "listed": 0,
        "products": [],
        "story": (
            "Công ty phân phối đặc sản của nhiều tỉnh miền Trung. Sàn chỉ nhận người trực tiếp sản xuất "
            "trong tỉnh nên hồ sơ chưa được duyệt."
        ),
    },
    {
        "name": "HTX Nông nghiệp Chuối và Chanh dây Tân Lập",
        "kind": "cooperative",
        "commune": "Xã Tân Lập",
        "street_address": "Thôn Tân Hữu",
        "representative": "Hồ Văn Thái",
        "brand": "Tân Lập",
        "status": "changes_requested",
        "listed": 2,
        "products": ["chuoi_tay", "chanh_day_tuoi", "chuoi_say", "nuoc_chanh_day"],
        "story": (
            "Hợp tác xã trồng chuối tây và chanh dây trên đất đỏ Hướng Hóa, bán chủ yếu cho thương lái. "
            "Sở đề nghị bổ sung bản sao giấy chứng nhận đăng ký hợp tác xã."
        ),
    },
]

# Communes of the former Quảng Bình (merged into Quảng Trị on 1 July 2025); the rest are former Quảng Trị.
_FORMER_QUANG_BINH = frozenset(
    {
        "Phường Đồng Thuận",
        "Phường Đồng Sơn",
        "Phường Đồng Hới",
        "Xã Minh Hóa",
        "Xã Dân Hóa",
        "Xã Tân Thành",
        "Xã Kim Điền",
        "Xã Kim Phú",
        "Xã Đồng Lê",
        "Xã Tuyên Sơn",
        "Xã Tuyên Lâm",
        "Xã Tuyên Phú",
        "Xã Tuyên Bình",
        "Xã Tuyên Hóa",
        "Phường Ba Đồn",
        "Xã Phú Trạch",
        "Xã Trung Thuần",
        "Xã Hòa Trạch",
        "Xã Tân Gianh",
        "Xã Quảng Trạch",
        "Phường Bắc Gianh",
        "Xã Nam Ba Đồn",
        "Xã Nam Gianh",
        "Xã Hoàn Lão",
        "Xã Bắc Trạch",
        "Xã Phong Nha",
        "Xã Bố Trạch",
        "Xã Thượng Trạch",
        "Xã Đông Trạch",
        "Xã Nam Trạch",
        "Xã Trường Sơn",
        "Xã Quảng Ninh",
        "Xã Ninh Châu",
        "Xã Trường Ninh",
        "Xã Lệ Ninh",
        "Xã Lệ Thủy",
        "Xã Cam Hồng",
        "Xã Sen Ngư",
        "Xã Tân Mỹ",
        "Xã Trường Phú",
        "Xã Kim Ngân",
    }
)

# Mobile prefixes (after +84) of the Vietnamese networks.
_MOBILE_PREFIXES = (
    "90",
    "91",
    "93",
    "94",
    "96",
    "97",
    "98",
    "86",
    "88",
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "38",
    "39",
    "70",
    "76",
    "77",
    "78",
    "79",
    "81",
    "82",
    "83",
    "84",
    "85",
)

# Sentences mixed into product descriptions, per product set (how to use it).
_USAGE = {
    "rau-cu-qua-tuoi": [
        "Hàng được thu hoạch theo đơn và giao trong vòng hai ngày.",
        "Nên dùng trong một tuần để giữ độ tươi ngon.",
    ],
    "thit-thuy-san-trung-sua-tuoi": [
        "Giao hàng kèm thùng xốp và đá khô để giữ lạnh suốt đường đi.",
        "Rã đông trong ngăn mát tủ lạnh trước khi chế biến.",
    ],
    "gao-ngu-coc": [
        "Vo nhẹ một lần, nấu với lượng nước ít hơn gạo thường một chút.",
        "Đóng túi hút chân không, giữ được mùi thơm lâu.",
    ],
    "mat-ong": [
        "Pha với nước ấm dưới 40 độ C để giữ được enzyme tự nhiên.",
        "Mật có thể kết tinh khi trời lạnh, đó là hiện tượng tự nhiên của mật thật.",
    ],
    "che-bien-tu-ngu-coc": [
        "Là món quà quê được nhiều du khách mua mang về.",
        "Dùng kèm trà nóng là đúng vị.",
    ],
    "che-bien-tu-rau-cu-qua": ["Không dùng phẩm màu và chất bảo quản.", "Thích hợp làm quà biếu dịp lễ Tết."],
    "che-bien-tu-thit-thuy-san": [
        "Cơ sở có giấy chứng nhận đủ điều kiện an toàn thực phẩm.",
        "Nướng than hoặc chiên sơ là dùng được ngay.",
    ],
    "thuc-pham-an-nhanh": [
        "Tiện mang theo khi đi làm, đi học hay đi du lịch.",
        "Hạn sử dụng 9 tháng kể từ ngày sản xuất.",
    ],
    "nuoc-mam-gia-vi-long": [
        "Dùng chấm trực tiếp hoặc nêm các món kho, xào đều đậm đà.",
        "Sản phẩm không chứa chất điều vị và chất bảo quản.",
    ],
    "gia-vi-khac": [
        "Gia vị không thể thiếu cho các món kho, món nướng và hải sản.",
        "Đóng hũ kín để giữ mùi thơm sau khi mở nắp.",
    ],
    "che": [
        "Tráng ấm bằng nước sôi, hãm chè ở khoảng 85 độ C trong 2 phút.",
        "Hộp giấy kraft in hoa văn, hợp làm quà biếu.",
    ],
    "tra-thao-moc": [
        "Hãm với nước sôi từ 5 đến 10 phút, uống nóng hoặc để nguội đều được.",
        "Không dùng cho phụ nữ có thai khi chưa hỏi ý kiến thầy thuốc.",
    ],
    "ca-phe-ca-cao": [
        "Hạt được rang theo mẻ nhỏ và đóng túi có van một chiều giữ mùi thơm.",
        "Ngon nhất trong vòng một tháng sau ngày rang.",
    ],
    "ruou-trang": [
        "Sản phẩm dành cho người trên 18 tuổi, không bán cho trẻ em.",
        "Đã uống rượu bia thì không lái xe.",
    ],
    "do-uong-co-con-khac": [
        "Ngon nhất khi uống lạnh.",
        "Sản phẩm dành cho người trên 18 tuổi, đã uống rượu bia thì không lái xe.",
    ],
    "nuoc-khoang-dong-chai": [
        "Giao tận nhà trong nội tỉnh, nhận đổi vỏ bình.",
        "Đạt quy chuẩn QCVN 6-1:2010/BYT về nước khoáng và nước đóng chai.",
    ],
    "do-uong-khong-con": [
        "Bảo quản lạnh sau khi mở nắp và dùng trong ba ngày.",
        "Không chứa chất bảo quản, lắc đều trước khi uống.",
    ],
    "thuc-pham-chuc-nang-thuoc-duoc-lieu": [
        "Sản phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.",
        "Đã được công bố sản phẩm theo quy định của Bộ Y tế.",
    ],
    "my-pham-duoc-lieu": [
        "Thử trên vùng da nhỏ trước khi dùng lần đầu.",
        "Không thử nghiệm trên động vật, bao bì có thể tái chế.",
    ],
    "tinh-dau": [
        "Nhỏ vài giọt vào máy khuếch tán hoặc pha loãng với dầu nền trước khi thoa.",
        "Để xa tầm tay trẻ em, tránh để dây vào mắt.",
    ],
    "do-gia-dung-trang-tri": [
        "Mỗi sản phẩm làm thủ công nên kích thước và hoa văn có thể khác nhau đôi chút.",
        "Tránh để nơi ẩm ướt để sản phẩm bền lâu.",
    ],
    "det-may": [
        "Giặt tay bằng nước lạnh, phơi trong bóng râm để giữ màu.",
        "Mỗi sản phẩm là độc bản vì hoa văn được dệt hoàn toàn bằng tay.",
    ],
    "hoa": [
        "Đặt nơi có ánh sáng tán xạ, tưới nước một lần mỗi tuần.",
        "Giao hàng trong tỉnh Quảng Trị, có hướng dẫn chăm sóc kèm theo.",
    ],
    "cay-canh": [
        "Người bán hướng dẫn cách chăm sóc và nhận tư vấn miễn phí sau khi mua.",
        "Chỉ giao hàng trong tỉnh để cây không bị dập.",
    ],
    "dong-vat-canh": [
        "Cá được cách ly và kiểm tra sức khỏe trước khi giao.",
        "Chỉ giao trong bán kính 50 km để bảo đảm cá khỏe.",
    ],
    "du-lich-cong-dong-sinh-thai": [
        "Vui lòng đặt trước ít nhất hai ngày; giá đã gồm bảo hiểm du lịch.",
        "Không phù hợp với trẻ dưới 6 tuổi trong mùa mưa lũ.",
    ],
}

# Sentences that tie a product to its maker; formatted with name, commune and brand.
_ORIGIN = [
    "Sản phẩm do {name} sản xuất tại {commune}, tỉnh Quảng Trị.",
    "Được làm ra ở {commune} bởi {name}.",
    "{name} kiểm soát từ nguyên liệu đến đóng gói, mỗi lô đều có mã truy xuất nguồn gốc.",
    "Đây là một trong những sản phẩm chủ lực của {name}.",
    "Nguyên liệu được thu mua từ bà con quanh {commune}, giúp người trồng có đầu ra ổn định.",
]

_ORIGIN_SERVICE = [
    "Dịch vụ do {name} tổ chức tại {commune}, tỉnh Quảng Trị.",
    "Người dẫn đường là thành viên của {name}, sinh ra và lớn lên ở {commune}.",
]

_STORAGE = [
    "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp.",
    "Đóng gói cẩn thận, có hóa đơn điện tử cho khách hàng doanh nghiệp.",
    "Nhận đóng hộp quà và in thiệp theo yêu cầu.",
    "Mua từ 10 sản phẩm trở lên vui lòng liên hệ để có giá sỉ.",
]

# Units that are plain counting words: a title needs no "(chiếc)".
_BARE_UNITS = frozenset({"chiếc", "chậu", "bộ", "đôi", "con", "cặp chậu"})

_LIVING_SETS = frozenset({"hoa", "cay-canh", "dong-vat-canh"})
_NO_STORAGE_SETS = SERVICE_SETS | _LIVING_SETS | {"thit-thuy-san-trung-sua-tuoi"}


# --------------------------------------------------------------------------------------------
# Generators.
# --------------------------------------------------------------------------------------------


def _ascii(text):
    """Fold Vietnamese to plain ASCII lower case: "Đồng Hới" -> "dong hoi"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _mst_check_digit(first_nine):
    """The tenth digit of an MST (as python-stdnum computes it), or None if none exists."""
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    digit = 10 - sum(w * int(n) for w, n in zip(weights, first_nine, strict=True)) % 11
    return str(digit) if digit < 10 else None


def _make_mst(rng, prefix):
    while True:
        body = prefix + "".join(str(rng.randrange(10)) for _ in range(7))
        check = _mst_check_digit(body)
        if check is not None and body[2:] != "0000000":
            return body + check


def _make_personal_id(rng, province):
    """A 12-digit personal id: province of birth, century/sex digit, year of birth, six digits."""
    century_sex = rng.choice("01")
    year = f"{rng.randint(60, 95):02d}"
    return province + century_sex + year + "".join(str(rng.randrange(10)) for _ in range(6))


def _make_phone(rng):
    return "+84" + rng.choice(_MOBILE_PREFIXES) + "".join(str(rng.randrange(10)) for _ in range(7))


def _build_enterprises():
    rng = random.Random(44)
    enterprises, codes, phones = [], set(), set()
    for row in _ENTERPRISE_ROWS:
        kind = row["kind"]
        former_qb = row["commune"] in _FORMER_QUANG_BINH
        while True:
            if kind in ("company", "cooperative"):
                tax_code = _make_mst(rng, "31" if former_qb else "32")
            elif kind == "household":
                tax_code = _make_personal_id(rng, "044" if former_qb else "045")
            else:
                tax_code = ""
            if not tax_code or tax_code not in codes:
                break
        codes.add(tax_code)
        phone = _make_phone(rng)
        while phone in phones:
            phone = _make_phone(rng)
        phones.add(phone)
        local = _ascii(row["brand"]).replace(" ", "")
        prefix = {"company": "lienhe", "cooperative": "htx", "cooperative_group": "tht"}.get(kind, "")
        email = f"{prefix}.{local}@demo.vn" if prefix else f"{local}.{rng.randint(10, 99)}@demo.vn"
        enterprises.append(
            {
                "name": row["name"],
                "kind": kind,
                "tax_code": tax_code,
                "representative": row["representative"],
                "phone": phone,
                "email": email,
                "commune": row["commune"],
                "street_address": row["street_address"],
                "story": row["story"],
                "status": row["status"],
            }
        )
    return enterprises


ENTERPRISES = _build_enterprises()


def _title(base_name, brand, grade, unit, set_slug):
    if set_slug in SERVICE_SETS:
        return base_name
    if "{brand}" not in base_name:
        base_name += " {brand}"
    if "{grade}" not in base_name:
        base_name += " {grade}"
    name = base_name.format(brand=brand, grade=grade)
    name = " ".join(name.split())
    return name if unit in _BARE_UNITS else f"{name} ({unit})"


def _description(rng, base_desc, set_slug, enterprise):
    sentences = [base_desc]
    if set_slug in SERVICE_SETS:
        templates = _ORIGIN_SERVICE
    elif set_slug in _LIVING_SETS:
        templates = _ORIGIN[:4]
    else:
        templates = _ORIGIN
    commune = enterprise["commune"]
    for kind in ("Xã ", "Phường ", "Đặc khu "):  # lower case inside a sentence: "ở xã Cửa Tùng"
        if commune.startswith(kind):
            commune = kind.lower() + commune[len(kind) :]
    origin = rng.choice(templates).format(name=enterprise["name"], commune=commune)
    sentences.append(origin[0].upper() + origin[1:])
    if rng.random() < 0.7:
        sentences.append(rng.choice(_USAGE[set_slug]))
    if set_slug not in _NO_STORAGE_SETS and rng.random() < 0.4:
        sentences.append(rng.choice(_STORAGE))
    if rng.random() < 0.3:  # vary the order a little: origin first
        sentences[0], sentences[1] = sentences[1], sentences[0]
    return " ".join(sentences)


def _candidates(rng, base_keys):
    """All (base key, variant) pairs of an enterprise, interleaved so every base shows up early."""
    per_base = []
    for key in base_keys:
        variants = list(enumerate(BASE_PRODUCTS[key][3]))
        rng.shuffle(variants)
        per_base.append([(key, v) for v in variants])
    out = []
    while any(per_base):
        for queue in per_base:
            if queue:
                out.append(queue.pop(0))
    return out


def product_specs(seed=2026):
    """About 300 demo products (exactly 300), each tied to an enterprise index and a product-set slug."""
    rng = random.Random(seed)
    specs, titles = [], set()
    for index, row in enumerate(_ENTERPRISE_ROWS):
        brand, quota, base_keys = row["brand"], row["listed"], row["products"]
        enterprise = ENTERPRISES[index]
        picked = 0
        for key, (variant_no, (grade, unit, price, grams)) in _candidates(rng, base_keys):
            if picked == quota:
                break
            set_slug, base_name, base_desc, _variants = BASE_PRODUCTS[key]
            title = _title(base_name, brand, grade, unit, set_slug)
            if title in titles:
                continue
            titles.add(title)
            picked += 1
            if set_slug in SERVICE_SETS:
                stock = rng.choice((10, 15, 20, 30))
            else:
                stock = 0 if rng.random() < 0.05 else rng.randint(3, 200)
            specs.append(
                {
                    "title": title,
                    "description": _description(rng, base_desc, set_slug, enterprise),
                    "group_slug": set_slug,
                    "enterprise": index,
                    "price": max(1000, round(price * rng.uniform(0.92, 1.12) / 1000) * 1000),
                    "stock": stock,
                    "weight_grams": grams,
                    "unit": unit,
                    "sku": f"QT{index:02d}-{key.replace('_', '').upper()}-{variant_no + 1}",
                }
            )
        if picked < quota:
            raise ValueError(f"{row['name']}: only {picked} distinct products for a quota of {quota}")
    return specs
