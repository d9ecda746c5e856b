import requests
from typing import Dict, Any

class ECommerceApiClient:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers.update({'Content-Type': 'application/json'})
    
    def login(self, email: str, password: str) -> Dict[str, Any]:
        response = self.session.post(
            f'{self.base_url}/api/v1/auth/login',
            json={'email': email, 'password': password}
        )
        response.raise_for_status()
        data = response.json()
        
        # Set token for future requests
        self.session.headers.update({
            'Authorization': f"Bearer {data['data']['accessToken']}"
        })
        
        return data['data']
    
    def get_products(self, page_number: int = 1, page_size: int = 20) -> Dict[str, Any]:
        response = self.session.get(
            f'{self.base_url}/api/v1/products',
            params={'pageNumber': page_number, 'pageSize': page_size}
        )
        response.raise_for_status()
        return response.json()['data']
    
    def create_order(self, order_data: Dict[str, Any]) -> Dict[str, Any]:
        response = self.session.post(
            f'{self.base_url}/api/v1/orders',
            json=order_data
        )
        response.raise_for_status()
        return response.json()['data']
